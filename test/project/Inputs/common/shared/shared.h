/* A header of the common property sheet's include directory. */
#define SHARED_VALUE 7
