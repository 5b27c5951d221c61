/* stands for the WDK's KMDF 1.31 wdf.h */
