/**
 * Where things go on the printed A4 sheet (millimetres from the sheet's top-left
 * corner), so that the recipient's address shows through the window of the
 * usual French window envelopes.
 *
 * Envelopes (ISO 269): DL 110 × 220 mm, the A4 sheet folded in three (panels of
 * 99 mm); C5 162 × 229 mm, the sheet folded in two. French window envelopes have
 * their window on the right: 45 × 100 mm, 20 mm from the right edge and 15 mm from
 * the bottom of a DL (so 50 to 95 mm from its top, 100 to 200 mm from its left).
 * The folded sheet can slide inside: up to 10 mm sideways and 11 mm down in a DL.
 * The part of the sheet that shows through the window whatever the slide is
 * ENVELOPE_WINDOW below: 100 to 190 mm from the left, 50 to 84 mm from the top. The
 * address block sits inside it with a margin on each side (ADDRESS). This is also
 * the zone the AFNOR letter layout recommendation (NF Z 11-001) and La Poste's
 * address rules (NF Z 10-011: 6 lines at most, 38 characters a line, the last line
 * in capitals) lead to: an address about 110 mm from the left, 50 to 55 mm from the top.
 */

export const SHEET = { width: 210, height: 297 } as const;

/** The window of a DL envelope, on the sheet, for every position of the folded sheet inside it. */
export const ENVELOPE_WINDOW = { left: 100, top: 50, right: 190, bottom: 84 } as const;

/** The address block: inside the window with 4 mm to spare on the left and 3 mm at the top; 6 lines of 10 pt fit in 26 mm. */
export const ADDRESS = { left: 104, top: 53, width: 82, maxLines: 6, maxChars: 38 } as const;

/** Page margins of the letter (the first page's header is placed from the sheet's corner). */
export const MARGINS = { top: 18, right: 20, bottom: 15, left: 22 } as const;

/** Where the body starts on the first page: below the window zone, the place and date, then the rest. */
export const BODY_TOP = 96;

/** The DL fold lines, for the small marks in the left margin. */
export const FOLDS = [99, 198] as const;
