#error "parts/skip.c is excluded from the build"
