import type { Program } from '../command.js';
import { registerValidate } from './validate.js';
import { registerRoadmap } from './roadmap.js';
import { registerShow } from './show.js';

/** Every command, in the order `pyroad --help` lists them. One file per command. */
export function registerCommands(program: Program): void {
  registerRoadmap(program);
  registerShow(program);
  registerValidate(program);
}
