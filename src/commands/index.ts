import type { Program } from '../command.js';
import { registerAssess } from './assess.js';
import { registerNext } from './next.js';
import { registerStatus } from './status.js';
import { registerValidate } from './validate.js';
import { registerRoadmap } from './roadmap.js';
import { registerShow } from './show.js';
import { registerReport } from './report.js';
import { registerMark } from './mark.js';
import { registerExport } from './export.js';
import { registerImport } from './import.js';
import { registerReset } from './reset.js';
import { registerConfig } from './config.js';
import { registerWhere } from './where.js';

/** Every command, in the order `pyroad --help` lists them (DESIGN.md's table). One file per command. */
export function registerCommands(program: Program): void {
  registerAssess(program);
  registerNext(program);
  registerStatus(program);
  registerRoadmap(program);
  registerShow(program);
  registerMark(program);
  registerExport(program);
  registerImport(program);
  registerReset(program);
  registerValidate(program);
  registerReport(program);
  registerConfig(program);
  registerWhere(program);
}
