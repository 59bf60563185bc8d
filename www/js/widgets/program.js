// The program's name and version, as exports record them. package.json holds
// the version too; tests/js/export.test.mjs checks that the two agree.
export const PROGRAM = 'corpus-lens 0.1.0';
