/** The global hook through which a model bundle asks Modeldock to require a package it could not inline. */
export const REQUIRE_EXTERNAL = 'modeldock.requireExternal';
