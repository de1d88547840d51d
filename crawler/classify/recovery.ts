/**
 * Whether the description says a removal can be undone. Negation decides: "not moved to the trash"
 * and "cannot be undone" say the opposite of the words they contain, so a recoverable phrase counts
 * only when nothing negates it, and a stated irreversibility always wins.
 */
export type Recovery = 'recoverable' | 'irreversible' | null;

export const IRREVERSIBLE = /\b(permanently|permanent(ly)? (delet|remov|destr)\w*|irreversibl[ey]|irrecoverabl[ey]|unrecoverable|for good|forever|no undo|cannot be (undone|recovered|restored|reversed|retrieved)|can ?not be (undone|recovered|restored|reversed|retrieved)|can't be (undone|recovered|restored|reversed|retrieved)|(is|are) not (recoverable|reversible|restorable)|no way to (undo|recover|restore))\b/i;

/** Each phrase says where removed data goes, or who brings it back. */
export const RECOVERABLE = [
  /\b(trash|recycle bin|bin|archive)( folder)?\b/i,
  /\bsoft[- ]delet\w*/i,
  /\bcan be (restored|recovered|undone|undeleted|reverted)\b/i,
  /\b(recoverable|restorable|undoable)\b/i,
  /\b(re-?created|re-?spawned|rescheduled|replaced) (automatically |again )?by (its|their|the) (controller|deployment|replica ?set|scheduler|operator)s?\b/i,
  /\b(is|are|will be|gets?) (automatically )?re-?created\b/i,
];

/** A negation shortly before a phrase: "not moved to the trash", "without a recycle bin". */
const NEGATED = /\b(not|no|never|cannot|can't|without|instead of|rather than|bypass\w*|skip\w*)\b[^.;]{0,25}$/i;

/** "move a note to the archive": the tool itself sends data somewhere it can be restored from. */
export const MOVES_TO_TRASH = /\b(move|moves|moved|send|sends|sent|put|puts|goes|go)\b[^.;]{0,40}\bto (the |a |its |their )?(trash|recycle bin|bin|archive)\b/i;

export function recoveryOf(description: string): Recovery {
  if (IRREVERSIBLE.test(description)) return 'irreversible';
  for (const pattern of RECOVERABLE) {
    const global = new RegExp(pattern.source, 'gi');
    for (const match of description.matchAll(global)) {
      const before = description.slice(Math.max(0, match.index - 40), match.index);
      if (pattern === RECOVERABLE[0] && !MOVES_TO_TRASH.test(description.slice(Math.max(0, match.index - 60), match.index + match[0].length))) continue;
      if (!NEGATED.test(before)) return 'recoverable';
    }
  }
  return null;
}
