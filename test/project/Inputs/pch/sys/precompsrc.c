#include "precomp.h"
