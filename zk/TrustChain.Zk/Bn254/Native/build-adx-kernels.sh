#!/usr/bin/env bash
# Assembles bn254-adx.s (GNU as) and prints the C# members that AdxMontgomery.cs holds: the code bytes and the entry
# offsets. Paste the output over the generated region of AdxMontgomery.cs.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
as "$here/bn254-adx.s" -o "$work/k.o"
# The bytes run wherever they are mapped, so nothing may be left for a linker (e.g. a call to a global symbol).
if objdump -r "$work/k.o" | grep -q 'R_X86_64'; then
  echo "bn254-adx.s leaves relocations; use local labels" >&2
  exit 1
fi
objcopy -O binary -j .text "$work/k.o" "$work/k.bin"
# Every global symbol is an entry point: fq_mul -> FqMulOffset.
nm "$work/k.o" | awk '$2 == "T" { print $1, $3 }' | sort | while read -r off sym; do
  name=$(echo "$sym" | awk -F_ '{ for (i = 1; i <= NF; i++) printf "%s", toupper(substr($i, 1, 1)) substr($i, 2) }')
  echo "    private const int ${name}Offset = 0x$(printf '%X' $((16#$off)));"
done
echo "    private static ReadOnlySpan<byte> Code =>"
echo "    ["
od -An -v -tx1 -w16 "$work/k.bin" | sed -E 's/^ +//; s/ +$//; s/([0-9a-f]{2})/0x\1,/g; s/,$/,/; s/^/        /'
echo "    ];"
