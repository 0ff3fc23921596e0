/** A small valid roadmap, as YAML text, that tests mutate into bad ones. */
export const VALID = `version: 1
title: Tiny roadmap
areas:
  - id: basics
    title: Basics
    stage: skills
    summary: The first steps.
    topics:
      - id: loops
        title: Loops
        summary: Repeating work.
        why: Every program repeats something.
        resources:
          - title: The Python tutorial
            url: https://docs.python.org/3/tutorial/
            kind: docs
        questions:
          - id: loops-range
            prompt: What does range(3) yield?
            choices: ["0, 1, 2", "1, 2, 3", "0, 1, 2, 3"]
            answer: 0
            explanation: range stops before its end value.
            difficulty: easy
      - id: functions
        title: Functions
        summary: Naming a piece of work.
        why: Functions keep code reusable.
        prerequisites: [loops]
        resources:
          - title: Defining functions
            url: https://docs.python.org/3/tutorial/controlflow.html
            kind: docs
        questions: []
  - id: web
    title: Web
    stage: skills
    summary: Talking HTTP.
    prerequisites: [basics]
    topics:
      - id: http
        title: HTTP
        summary: The web's protocol.
        why: APIs speak it.
        prerequisites: [functions]
        resources:
          - title: MDN HTTP
            url: https://developer.mozilla.org/en-US/docs/Web/HTTP
            kind: docs
`;

/** VALID with one exact piece of text replaced; fails loudly if the piece is not there. */
export function mutate(from: string, to: string, text = VALID): string {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
}
