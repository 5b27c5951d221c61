/*
 * symbols.c - the names of the driver's functions, for messages.
 *
 * A callback that returns at the wrong IRQL is named in its report, and
 * `wdfcheck confirm` pairs that report with the static one by that name.
 * The driver is linked into the harness program, so its functions are in
 * the program's own symbol table (.symtab; static functions too), which is
 * read once from /proc/self/exe and kept mapped: the names then live as
 * long as the process, and looking one up allocates nothing.  A stripped
 * program has no table: names are then NULL.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "wdfrt_internal.h"

static int loaded;
static const Elf64_Sym *symbols;
static size_t symbol_count;
static const char *names;
static size_t names_size;
static uintptr_t load_bias;

static int first_object(struct dl_phdr_info *info, size_t size, void *arg) {
  (void)size;
  *(uintptr_t *)arg = info->dlpi_addr;
  return 1; /* the main program comes first */
}

static int valid_headers(const unsigned char *image, size_t size) {
  const Elf64_Ehdr *header = (const Elf64_Ehdr *)image;
  return size >= sizeof *header && header->e_ident[EI_MAG0] == ELFMAG0 &&
         header->e_ident[EI_MAG1] == ELFMAG1 &&
         header->e_ident[EI_MAG2] == ELFMAG2 &&
         header->e_ident[EI_MAG3] == ELFMAG3 &&
         header->e_ident[EI_CLASS] == ELFCLASS64 &&
         header->e_shoff + (size_t)header->e_shnum * sizeof(Elf64_Shdr) <= size;
}

static void load(void) {
  loaded = 1;
  int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return;
  struct stat st;
  void *map = MAP_FAILED;
  if (fstat(fd, &st) == 0 && st.st_size > 0)
    map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map == MAP_FAILED)
    return;
  const unsigned char *image = map;
  size_t size = (size_t)st.st_size;
  if (!valid_headers(image, size))
    return;
  const Elf64_Ehdr *header = (const Elf64_Ehdr *)image;
  const Elf64_Shdr *sections = (const Elf64_Shdr *)(image + header->e_shoff);
  for (unsigned i = 0; i < header->e_shnum; ++i) {
    const Elf64_Shdr *table = &sections[i];
    if (table->sh_type != SHT_SYMTAB || table->sh_link >= header->e_shnum)
      continue;
    const Elf64_Shdr *strings = &sections[table->sh_link];
    if (table->sh_offset + table->sh_size > size ||
        strings->sh_offset + strings->sh_size > size)
      return;
    symbols = (const Elf64_Sym *)(image + table->sh_offset);
    symbol_count = table->sh_size / sizeof(Elf64_Sym);
    names = (const char *)(image + strings->sh_offset);
    names_size = strings->sh_size;
  }
  dl_iterate_phdr(first_object, &load_bias);
}

uintptr_t wdfrt_int_program_offset(const void *address) {
  if (!loaded)
    load();
  return (uintptr_t)address - load_bias;
}

const char *wdfrt_int_symbol_name(const void *address) {
  if (!address)
    return NULL;
  if (!loaded)
    load();
  uintptr_t target = (uintptr_t)address - load_bias;
  for (size_t i = 0; i < symbol_count; ++i) {
    const Elf64_Sym *symbol = &symbols[i];
    if (ELF64_ST_TYPE(symbol->st_info) != STT_FUNC ||
        symbol->st_name >= names_size)
      continue;
    if (target >= symbol->st_value &&
        target < symbol->st_value + (symbol->st_size ? symbol->st_size : 1))
      return names + symbol->st_name;
  }
  return NULL;
}
