# Sourced by ./seqaug and .ci/run: picks the memory allocator for the engine's native tensors.
# SEQAUG_ALLOCATOR: auto (default: tcmalloc if installed, else tuned glibc malloc), tcmalloc, glibc
# (tuned glibc malloc), system (whatever the environment already has). Exports SEQAUG_ALLOCATOR_USED.
seqaug_find_tcmalloc() {
  local dir
  for dir in /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/lib64 /usr/lib /usr/local/lib \
             /opt/homebrew/lib /usr/local/opt/gperftools/lib; do
    for lib in libtcmalloc_minimal.so.4 libtcmalloc.so.4; do
      [ -f "$dir/$lib" ] && { echo "$dir/$lib"; return 0; }
    done
  done
  return 1
}

seqaug_select_allocator() {
  local want="${SEQAUG_ALLOCATOR:-auto}" lib=""
  case "$want" in
    system) SEQAUG_ALLOCATOR_USED=system ;;
    auto|tcmalloc)
      if lib="$(seqaug_find_tcmalloc)"; then
        case ":${LD_PRELOAD:-}:" in *":$lib:"*) ;; *) export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}" ;; esac
        SEQAUG_ALLOCATOR_USED="tcmalloc ($lib)"
      elif [ "$want" = tcmalloc ]; then
        echo "seqaug: SEQAUG_ALLOCATOR=tcmalloc but no libtcmalloc_minimal.so.4 was found (apt-get install libtcmalloc-minimal4)" >&2
        return 1
      else
        seqaug_tune_glibc
        # Said once per launch, on stderr: the fallback costs time and memory (docs/results/quick-compare.md).
        [ "${SEQAUG_ALLOCATOR_QUIET:-}" = 1 ] || echo "seqaug: allocator: glibc malloc, tuned (tcmalloc not found: epochs are slower and memory" \
          "larger, see docs/results/quick-compare.md; install it with apt-get install libtcmalloc-minimal4)" >&2
      fi ;;
    glibc) seqaug_tune_glibc ;;
    *) echo "seqaug: SEQAUG_ALLOCATOR must be auto, tcmalloc, glibc or system, got '$want'" >&2; return 1 ;;
  esac
  export SEQAUG_ALLOCATOR_USED
}

# glibc malloc without the trap: blocks up to 32 MiB come from the heap instead of fresh mappings,
# and freed memory is kept for reuse instead of being returned to the kernel after every step.
seqaug_tune_glibc() {
  export GLIBC_TUNABLES="${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824:glibc.malloc.top_pad=268435456"
  SEQAUG_ALLOCATOR_USED="glibc malloc, tuned"
}
