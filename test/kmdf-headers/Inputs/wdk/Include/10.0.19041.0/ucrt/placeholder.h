/* placeholder: the directory must exist */
