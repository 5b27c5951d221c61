/* stands for the WDK's KMDF 1.33 wdf.h */
