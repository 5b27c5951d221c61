// A config header found only through the project's include directories.
#define WPP_CONTROL_GUIDS \
    WPP_DEFINE_CONTROL_GUID(DeepGuid, (11111111,2222,3333,4444,555555555555), \
        WPP_DEFINE_BIT(FLAG_ZERO) \
        WPP_DEFINE_BIT(FLAG_DEEP))
