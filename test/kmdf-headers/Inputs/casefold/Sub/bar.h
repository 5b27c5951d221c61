/* Included as <sub/BAR.h> from -I Inputs/casefold and as "SUB/../foo.h"'s
 * neighbour: both need the lookup to ignore case, as Windows does. */
#define BAR_VALUE 2
