/* stands for mingw-w64's ddk/wdm.h: header-flags only checks that it is there */
