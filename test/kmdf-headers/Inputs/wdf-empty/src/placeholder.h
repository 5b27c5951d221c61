/* a checkout without src/publicinc */
