/* Helpers of the driver, defined in util.c. */
VOID UtilTouch(WDFMEMORY Memory);
VOID UtilDelete(WDFMEMORY Memory);
