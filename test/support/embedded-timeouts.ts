// On embedded PGlite every spec file starts PostgreSQL compiled to WebAssembly and runs every
// migration in its hooks: on a busy two-core machine that alone can use up Jest's usual 30 s.
if (process.env.TEST_POSTGRES_AVAILABLE !== '1') jest.setTimeout(120_000);
