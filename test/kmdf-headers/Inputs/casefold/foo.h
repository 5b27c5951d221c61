/* Included as "Foo.H": found only by a case-insensitive lookup. */
#define FOO_VALUE 1
