/* The driver's WPP configuration: one control GUID with two flags, and
   the config block WPP scans for its own trace function.
 *
 * begin_wpp config
 * FUNC DoTrace(LEVEL, MSG, ...);
 * end_wpp
 */
#pragma once

#define TRACE_LEVEL_ERROR 2
#define TRACE_LEVEL_INFORMATION 4

#define WPP_CONTROL_GUIDS                                                  \
  WPP_DEFINE_CONTROL_GUID(TracedGuid, (6c0d2a7e, 1b3f, 4e2a, 8f10,         \
                                       2a3b4c5d6e7f),                      \
                          WPP_DEFINE_BIT(TRACE_DRIVER)                     \
                          WPP_DEFINE_BIT(TRACE_QUEUE))
