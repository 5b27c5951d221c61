/* The static library's interface. */
#ifndef LIB_H
#define LIB_H
#ifdef __cplusplus
extern "C" {
#endif
int LibValue(void);
#ifdef __cplusplus
}
#endif
#endif
