/** The reserved pack ids: the library shipped with the extension, and the user's own templates. Plain constants, importable anywhere (no storage code). */
export const BUILTIN_PACK_ID = 'modeles-base';
export const PERSONAL_PACK_ID = 'mes-modeles';
