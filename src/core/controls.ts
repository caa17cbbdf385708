/**
 * Control characters from articles, titles, file names and questions must not reach a
 * terminal as controls: ESC and CSI (C0 and C1) can rewrite the screen, retitle the window or
 * hide text. Newline and tab stay; every other C0 character, DEL and every C1 character is
 * shown instead of sent.
 */

const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * For terminals and JSON: each control becomes the literal text `\u001b`. In JSON that is the
 * same string once parsed (JSON.stringify already escapes C0, not DEL or C1); in plain text it
 * shows what was there.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * For text whose length is budgeted (Discord): each control becomes one visible character of
 * the same length — its Control Pictures glyph (␛ for ESC, ␡ for DEL), or � for C1.
 */
export function showControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\ufffd';
  });
}
