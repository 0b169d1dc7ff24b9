// Stylesheets imported for esbuild to bundle; they export nothing to TypeScript.
declare module '*.css';
