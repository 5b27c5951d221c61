//===- Deal.h - work dealt out by size, the same on every machine ---------===//
#ifndef WDFCHECK_DEAL_H
#define WDFCHECK_DEAL_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace wdfcheck {

// Deals items of the given sizes out to Parts parts: the largest first,
// each to the part with the least in it so far (ties: the lowest part);
// items of equal size in the order Before gives.  Returns each item's part.
// Every process dealing the same sizes deals the same parts, so machines
// (wdfcheck --shard) and threads (wdf.IrqlModel:FunctionShard) agree on
// who does what without talking.
std::vector<unsigned>
dealBySize(const std::vector<uint64_t> &Sizes, unsigned Parts,
           llvm::function_ref<bool(size_t, size_t)> Before);

} // namespace wdfcheck

#endif
