# Montgomery multiplication for the two BN254 fields (R = 2^256) with MULX/ADCX/ADOX: the same no-carry CIOS as
# MontgomeryMath.MulBmi2 (identical results, bit for bit), but the two carry chains run in the CPU's carry and overflow
# flags, which RyuJIT cannot express. Also loops built on those kernels: Poseidon's t = 3 full and partial rounds and
# the G1 and G2 batched affine bucket additions. Source of the byte arrays in AdxMontgomery.cs; regenerate them with
# build-adx-kernels.sh after any change. Each function is position-independent and reads its modulus from the
# .quad words placed right after it, so it can be copied anywhere as a whole.
  .intel_syntax noprefix
  .text
# The Montgomery multiplication kernel for one field, emitted once per field (fq_mul, fr_mul): both BN254 moduli
# are below 2^254, so the same code serves both with their own inverse word and modulus.
# name(ulong* r, const ulong* a, const ulong* b): r = a*b*2^-256 mod p; a, b < 2p, r < p canonical.
# System V: rdi = r, rsi = a, rdx = b. r may alias a or b (written only at the end).
# inv = -p^-1 mod 2^64; p0..p3 the modulus, little-endian words, stored right after the code.
  .macro mont_reduce name, inv
  # reduction: m = t0*inv; t = (t + m*p) / 2^64, CF chain adds t[j+1] + hi(m*p[j]), OF chain lo(m*p[j+1])
  mov rdx, \inv
  imul rdx, r12
  xor eax, eax
  mulx rsi, rax, [rip+\name\()_p0]
  adcx rax, r12                  # low word cancels; only its carry matters
  mov r12, rsi
  mulx rsi, rax, [rip+\name\()_p1]
  adcx r12, r13
  adox r12, rax
  mov r13, rsi
  mulx rsi, rax, [rip+\name\()_p2]
  adcx r13, r14
  adox r13, rax
  mov r14, rsi
  mulx rsi, rax, [rip+\name\()_p3]
  adcx r14, r15
  adox r14, rax
  mov r15, 0                       # mov keeps the flags
  adcx r15, rbx
  adox r15, rsi                   # no carry out: both moduli are below 2^254
  .endm
  .macro mont_row offset
  # row: t += a*b[offset/8], OF chain the low words, CF chain the high words
  mov rdx, [rcx+\offset]
  xor eax, eax
  mulx rsi, rax, r8
  adox r12, rax
  mulx rbp, rax, r9
  adcx r13, rsi
  adox r13, rax
  mulx rsi, rax, r10
  adcx r14, rbp
  adox r14, rax
  mulx rbx, rax, r11
  adcx r15, rsi
  adox r15, rax
  mov eax, 0
  adcx rbx, rax
  adox rbx, rax
  .endm
  .macro montgomery_mul name, inv, p0, p1, p2, p3
  .globl \name
  .p2align 6
\name:
\name\()_local:                      # internal calls use this local label: a call to a global symbol is left to the linker
  push rbx
  push rbp
  push r12
  push r13
  push r14
  push r15
  mov rcx, rdx                      # b
  mov r8, [rsi]                     # a0..a3 in r8..r11
  mov r9, [rsi+8]
  mov r10, [rsi+16]
  mov r11, [rsi+24]
  # row 0: t = a*b0, A = its fifth word
  mov rdx, [rcx]
  xor eax, eax                      # clears CF and OF
  mulx r13, r12, r8
  mulx r14, rax, r9
  adox r13, rax
  mulx r15, rax, r10
  adox r14, rax
  mulx rbx, rax, r11
  adox r15, rax
  mov eax, 0
  adox rbx, rax
  mont_reduce \name, \inv
  mont_row 8
  mont_reduce \name, \inv
  mont_row 16
  mont_reduce \name, \inv
  mont_row 24
  mont_reduce \name, \inv
  # t < 2p: subtract p, keep t when that borrows
  mov rax, r12
  mov rdx, r13
  mov rsi, r14
  mov rcx, r15
  sub rax, [rip+\name\()_p0]
  sbb rdx, [rip+\name\()_p1]
  sbb rsi, [rip+\name\()_p2]
  sbb rcx, [rip+\name\()_p3]
  cmovc rax, r12
  cmovc rdx, r13
  cmovc rsi, r14
  cmovc rcx, r15
  # one 32-byte store: the JIT copies Fq/Fr values with 32-byte loads, which a store can only forward to
  # when it covers the whole load (four 8-byte stores would stall each such copy)
  vmovq xmm0, rax
  vpinsrq xmm0, xmm0, rdx, 1
  vmovq xmm1, rsi
  vpinsrq xmm1, xmm1, rcx, 1
  vinserti128 ymm0, ymm0, xmm1, 1
  vmovdqu [rdi], ymm0
  vzeroupper
  pop r15
  pop r14
  pop r13
  pop r12
  pop rbp
  pop rbx
  ret
  .p2align 3
\name\()_p0: .quad \p0
\name\()_p1: .quad \p1
\name\()_p2: .quad \p2
\name\()_p3: .quad \p3
  .endm
# fq_mul: base field q.
  montgomery_mul fq_mul, 0x87d20782e4866389, 0x3c208c16d87cfd47, 0x97816a916871ca8d, 0xb85045b68181585d, 0x30644e72e131a029
# fq_sub(ulong* r, const ulong* a, const ulong* b): r = a - b mod q, all canonical; r may alias a or b.
  .p2align 4
fq_sub:
  mov rax, [rsi]
  mov rcx, [rsi+8]
  mov r8, [rsi+16]
  mov r9, [rsi+24]
  sub rax, [rdx]
  sbb rcx, [rdx+8]
  sbb r8, [rdx+16]
  sbb r9, [rdx+24]
  sbb r10, r10                       # all ones when a < b: add p back
  mov r11, [rip+fq_mul_p0]
  and r11, r10
  mov rsi, [rip+fq_mul_p1]
  and rsi, r10
  mov rdx, [rip+fq_mul_p2]
  and rdx, r10
  and r10, [rip+fq_mul_p3]
  add rax, r11
  adc rcx, rsi
  adc r8, rdx
  adc r9, r10
  mov [rdi], rax
  mov [rdi+8], rcx
  mov [rdi+16], r8
  mov [rdi+24], r9
  ret
# fq_inv(ulong* r, const ulong* a): r = a^(q-2) (the inverse for a != 0), left-to-right over all 256 exponent
# bits from x = 1, as MontgomeryMath.Pow does. r may alias a.
  .p2align 4
fq_inv:
  push rbx
  push r12
  push r13
  push r14
  sub rsp, 72                        # x at [rsp], a at [rsp+32]
  mov rbx, rdi
  mov rax, [rsi+0]
  mov [rsp+32+0], rax
  mov rax, [rsi+8]
  mov [rsp+32+8], rax
  mov rax, [rsi+16]
  mov [rsp+32+16], rax
  mov rax, [rsi+24]
  mov [rsp+32+24], rax
  lea rcx, [rip+fq_one]
  mov rax, [rcx+0]
  mov [rsp+0], rax
  mov rax, [rcx+8]
  mov [rsp+8], rax
  mov rax, [rcx+16]
  mov [rsp+16], rax
  mov rax, [rcx+24]
  mov [rsp+24], rax
  mov r12, 3
fq_inv_limb:
  lea rax, [rip+fq_exponent]
  mov r13, [rax+r12*8]
  mov r14, 64
fq_inv_bit:
  lea rdi, [rsp]
  lea rsi, [rsp]
  lea rdx, [rsp]
  call fq_mul_local
  shl r13, 1
  jnc fq_inv_skip
  lea rdi, [rsp]
  lea rsi, [rsp]
  lea rdx, [rsp+32]
  call fq_mul_local
fq_inv_skip:
  dec r14
  jnz fq_inv_bit
  dec r12
  jns fq_inv_limb
  mov rax, [rsp+0]
  mov [rbx+0], rax
  mov rax, [rsp+8]
  mov [rbx+8], rax
  mov rax, [rsp+16]
  mov [rbx+16], rax
  mov rax, [rsp+24]
  mov [rbx+24], rax
  add rsp, 72
  pop r14
  pop r13
  pop r12
  pop rbx
  ret
  .p2align 3
fq_one: .quad 0xd35d438dc58f0d9d, 0x0a78eb28f5c70b3d, 0x666ea36f7879462c, 0x0e0a77c19a07df2f
fq_exponent: .quad 0x3c208c16d87cfd45, 0x97816a916871ca8d, 0xb85045b68181585d, 0x30644e72e131a029
# g1_batch_add(G1Affine* buckets, const int* bucket, const G1Affine* points, const ulong* den, ulong* prefix, long n):
# the batched affine additions of G1BucketTree (its managed Apply), same operations in the same order: prefix
# products of the n denominators (x_p - x_q), one inversion, then per addition i from n-1 down to 0
# l = (y_p - y_q)/(x_p - x_q), x = l^2 - x_q - x_p, y = l(x_q - x) - y_q into buckets[bucket[i]]. Points are
# 64 bytes (x then y), n >= 1, and no denominator is zero (the caller handles equal x itself).
  .globl g1_batch_add
  .p2align 4
g1_batch_add:
  push rbx
  push rbp
  push r12
  push r13
  push r14
  push r15
  sub rsp, 200
  mov rbx, rdi
  mov rbp, rsi
  mov r12, rdx
  mov r13, rcx
  mov r14, r8
  mov r15, r9
  lea rcx, [rip+fq_one]
  mov rax, [rcx+0]
  mov [rsp+0], rax
  mov rax, [rcx+8]
  mov [rsp+8], rax
  mov rax, [rcx+16]
  mov [rsp+16], rax
  mov rax, [rcx+24]
  mov [rsp+24], rax
  xor eax, eax
  mov [rsp+176], rax         # i = 0
g1_batch_add_fwd:
  mov rcx, [rsp+176]
  shl rcx, 5
  lea rdx, [r14+rcx]
  mov rax, [rsp+0]
  mov [rdx+0], rax
  mov rax, [rsp+8]
  mov [rdx+8], rax
  mov rax, [rsp+16]
  mov [rdx+16], rax
  mov rax, [rsp+24]
  mov [rdx+24], rax
  mov rcx, [rsp+176]
  shl rcx, 5
  lea rdx, [r13+rcx]
  lea rdi, [rsp]
  lea rsi, [rsp]
  call fq_mul_local
  mov rax, [rsp+176]
  inc rax
  mov [rsp+176], rax
  cmp rax, r15
  jb g1_batch_add_fwd
  lea rdi, [rsp]
  lea rsi, [rsp]
  call fq_inv
g1_batch_add_back:
  dec r15                            # i
  mov rax, r15
  shl rax, 5
  lea rcx, [r13+rax]
  mov [rsp+176], rcx
  lea rcx, [r14+rax]
  mov [rsp+184], rcx
  mov rax, r15
  shl rax, 6
  lea rcx, [r12+rax]
  mov [rsp+168], rcx
  movsxd rax, dword ptr [rbp+r15*4]
  shl rax, 6
  lea rcx, [rbx+rax]
  mov [rsp+160], rcx
  lea rdi, [rsp+32]
  lea rsi, [rsp]
  mov rdx, [rsp+184]
  call fq_mul_local
  lea rdi, [rsp]
  lea rsi, [rsp]
  mov rdx, [rsp+176]
  call fq_mul_local
  lea rdi, [rsp+96]
  mov rsi, [rsp+168]
  add rsi, 32
  mov rdx, [rsp+160]
  add rdx, 32
  call fq_sub
  lea rdi, [rsp+64]
  lea rsi, [rsp+96]
  lea rdx, [rsp+32]
  call fq_mul_local
  lea rdi, [rsp+128]
  lea rsi, [rsp+64]
  lea rdx, [rsp+64]
  call fq_mul_local
  lea rdi, [rsp+128]
  lea rsi, [rsp+128]
  mov rdx, [rsp+160]
  call fq_sub
  lea rdi, [rsp+128]
  lea rsi, [rsp+128]
  mov rdx, [rsp+168]
  call fq_sub
  lea rdi, [rsp+96]
  mov rsi, [rsp+160]
  lea rdx, [rsp+128]
  call fq_sub
  lea rdi, [rsp+96]
  lea rsi, [rsp+64]
  lea rdx, [rsp+96]
  call fq_mul_local
  mov rdi, [rsp+160]
  add rdi, 32
  lea rsi, [rsp+96]
  mov rdx, [rsp+160]
  add rdx, 32
  call fq_sub
  mov rdx, [rsp+160]
  mov rax, [rsp+128+0]
  mov [rdx+0], rax
  mov rax, [rsp+128+8]
  mov [rdx+8], rax
  mov rax, [rsp+128+16]
  mov [rdx+16], rax
  mov rax, [rsp+128+24]
  mov [rdx+24], rax
  test r15, r15
  jnz g1_batch_add_back
  add rsp, 200
  pop r15
  pop r14
  pop r13
  pop r12
  pop rbp
  pop rbx
  ret
# fq_add(ulong* r, const ulong* a, const ulong* b): r = a + b mod q, all canonical; r may alias a or b.
  .p2align 4
fq_add:
  mov rax, [rsi]
  mov rcx, [rsi+8]
  mov r8, [rsi+16]
  mov r9, [rsi+24]
  add rax, [rdx]
  adc rcx, [rdx+8]
  adc r8, [rdx+16]
  adc r9, [rdx+24]             # < 2p < 2^255: no carry out
  mov r10, rax
  mov r11, rcx
  mov rsi, r8
  mov rdx, r9
  sub r10, [rip+fq_mul_p0]
  sbb r11, [rip+fq_mul_p1]
  sbb rsi, [rip+fq_mul_p2]
  sbb rdx, [rip+fq_mul_p3]
  cmovc r10, rax
  cmovc r11, rcx
  cmovc rsi, r8
  cmovc rdx, r9
  mov [rdi], r10
  mov [rdi+8], r11
  mov [rdi+16], rsi
  mov [rdi+24], rdx
  ret
# fq_add_unreduced(ulong* r, const ulong* a, const ulong* b): r = a + b without reduction (below 2q: only a multiplication
# operand, as Fq.AddUnreduced).
  .p2align 4
fq_add_unreduced:
  mov rax, [rsi]
  mov rcx, [rsi+8]
  mov r8, [rsi+16]
  mov r9, [rsi+24]
  add rax, [rdx]
  adc rcx, [rdx+8]
  adc r8, [rdx+16]
  adc r9, [rdx+24]
  mov [rdi], rax
  mov [rdi+8], rcx
  mov [rdi+16], r8
  mov [rdi+24], r9
  ret
# fq2_mul(r, a, b): Karatsuba as Fq2.operator*: v0 = a0*b0, v1 = a1*b1, s = (a0 + a1)(b0 + b1) with unreduced
# sums; r = (v0 - v1, s - v0 - v1). r may alias a or b.
  .p2align 4
fq2_mul:
  push rbx
  push rbp
  push r12
  sub rsp, 160                      # v0, v1, sa, sb, s
  mov rbx, rdi
  mov rbp, rsi
  mov r12, rdx
  lea rdi, [rsp]
  lea rsi, [rbp]
  lea rdx, [r12]
  call fq_mul_local
  lea rdi, [rsp+32]
  lea rsi, [rbp+32]
  lea rdx, [r12+32]
  call fq_mul_local
  lea rdi, [rsp+64]
  lea rsi, [rbp]
  lea rdx, [rbp+32]
  call fq_add_unreduced
  lea rdi, [rsp+96]
  lea rsi, [r12]
  lea rdx, [r12+32]
  call fq_add_unreduced
  lea rdi, [rsp+128]
  lea rsi, [rsp+64]
  lea rdx, [rsp+96]
  call fq_mul_local
  lea rdi, [rbx]
  lea rsi, [rsp]
  lea rdx, [rsp+32]
  call fq_sub
  lea rdi, [rsp+128]
  lea rsi, [rsp+128]
  lea rdx, [rsp]
  call fq_sub
  lea rdi, [rbx+32]
  lea rsi, [rsp+128]
  lea rdx, [rsp+32]
  call fq_sub
  add rsp, 160
  pop r12
  pop rbp
  pop rbx
  ret
# fq2_sqr(r, a): as Fq2.Square: r = ((a0 + a1)(a0 - a1), (a0 + a0) a1), sums unreduced. r may alias a.
  .p2align 4
fq2_sqr:
  push rbx
  push rbp
  sub rsp, 136                      # sa, d, s2, v0
  mov rbx, rdi
  mov rbp, rsi
  lea rdi, [rsp]
  lea rsi, [rbp]
  lea rdx, [rbp+32]
  call fq_add_unreduced
  lea rdi, [rsp+32]
  lea rsi, [rbp]
  lea rdx, [rbp+32]
  call fq_sub
  lea rdi, [rsp+64]
  lea rsi, [rbp]
  lea rdx, [rbp]
  call fq_add_unreduced
  lea rdi, [rsp+96]
  lea rsi, [rsp]
  lea rdx, [rsp+32]
  call fq_mul_local
  lea rdi, [rbx+32]
  lea rsi, [rsp+64]
  lea rdx, [rbp+32]
  call fq_mul_local
  mov rax, [rsp+96]
  mov [rbx+0], rax
  mov rax, [rsp+104]
  mov [rbx+8], rax
  mov rax, [rsp+112]
  mov [rbx+16], rax
  mov rax, [rsp+120]
  mov [rbx+24], rax
  add rsp, 136
  pop rbp
  pop rbx
  ret
# fq2_sub(r, a, b): componentwise a - b mod q. r may alias a or b.
  .p2align 4
fq2_sub:
  push rbx
  push rbp
  push r12
  mov rbx, rdi
  mov rbp, rsi
  mov r12, rdx
  lea rdi, [rbx]
  lea rsi, [rbp]
  lea rdx, [r12]
  call fq_sub
  lea rdi, [rbx+32]
  lea rsi, [rbp+32]
  lea rdx, [r12+32]
  call fq_sub
  pop r12
  pop rbp
  pop rbx
  ret
# fq2_inv(r, a): 1/(a0 + a1 u) = (a0 - a1 u)/(a0^2 + a1^2), one F_q inversion. r may alias a.
  .p2align 4
fq2_inv:
  push rbx
  push rbp
  sub rsp, 104                      # n, t, zero
  mov rbx, rdi
  mov rbp, rsi
  lea rdi, [rsp]
  lea rsi, [rbp]
  lea rdx, [rbp]
  call fq_mul_local
  lea rdi, [rsp+32]
  lea rsi, [rbp+32]
  lea rdx, [rbp+32]
  call fq_mul_local
  lea rdi, [rsp]
  lea rsi, [rsp]
  lea rdx, [rsp+32]
  call fq_add
  lea rdi, [rsp]
  lea rsi, [rsp]
  call fq_inv
  lea rdi, [rbx]
  lea rsi, [rbp]
  lea rdx, [rsp]
  call fq_mul_local
  lea rdi, [rsp+32]
  lea rsi, [rbp+32]
  lea rdx, [rsp]
  call fq_mul_local
  xor eax, eax
  mov [rsp+64], rax
  mov [rsp+72], rax
  mov [rsp+80], rax
  mov [rsp+88], rax
  lea rdi, [rbx+32]
  lea rsi, [rsp+64]
  lea rdx, [rsp+32]
  call fq_sub
  add rsp, 104
  pop rbp
  pop rbx
  ret
# g2_batch_add(G2Affine* buckets, const int* bucket, const G2Affine* points, const Fq2* den, Fq2* prefix, long n): as
# g1_batch_add over F_q2 (G2BucketTree): elements 64 bytes, points 128 (x then y).
  .globl g2_batch_add
  .p2align 4
g2_batch_add:
  push rbx
  push rbp
  push r12
  push r13
  push r14
  push r15
  sub rsp, 360
  mov rbx, rdi
  mov rbp, rsi
  mov r12, rdx
  mov r13, rcx
  mov r14, r8
  mov r15, r9
  lea rcx, [rip+fq_one]
  mov rax, [rcx+0]
  mov [rsp+0], rax
  mov rax, [rcx+8]
  mov [rsp+8], rax
  mov rax, [rcx+16]
  mov [rsp+16], rax
  mov rax, [rcx+24]
  mov [rsp+24], rax
  xor eax, eax
  mov [rsp+32], rax
  mov [rsp+40], rax
  mov [rsp+48], rax
  mov [rsp+56], rax
  mov [rsp+336], rax               # i = 0
g2_batch_add_fwd:
  mov rcx, [rsp+336]
  shl rcx, 6
  lea rdx, [r14+rcx]
  mov rax, [rsp+0]
  mov [rdx+0], rax
  mov rax, [rsp+8]
  mov [rdx+8], rax
  mov rax, [rsp+16]
  mov [rdx+16], rax
  mov rax, [rsp+24]
  mov [rdx+24], rax
  mov rax, [rsp+32]
  mov [rdx+32], rax
  mov rax, [rsp+40]
  mov [rdx+40], rax
  mov rax, [rsp+48]
  mov [rdx+48], rax
  mov rax, [rsp+56]
  mov [rdx+56], rax
  mov rcx, [rsp+336]
  shl rcx, 6
  lea rdx, [r13+rcx]
  lea rdi, [rsp]
  lea rsi, [rsp]
  call fq2_mul
  mov rax, [rsp+336]
  inc rax
  mov [rsp+336], rax
  cmp rax, r15
  jb g2_batch_add_fwd
  lea rdi, [rsp]
  lea rsi, [rsp]
  call fq2_inv
g2_batch_add_back:
  dec r15
  mov rax, r15
  shl rax, 6
  lea rcx, [r13+rax]
  mov [rsp+336], rcx
  lea rcx, [r14+rax]
  mov [rsp+344], rcx
  mov rax, r15
  shl rax, 7
  lea rcx, [r12+rax]
  mov [rsp+328], rcx
  movsxd rax, dword ptr [rbp+r15*4]
  shl rax, 7
  lea rcx, [rbx+rax]
  mov [rsp+320], rcx
  lea rdi, [rsp+64]
  lea rsi, [rsp]
  mov rdx, [rsp+344]
  call fq2_mul
  lea rdi, [rsp]
  lea rsi, [rsp]
  mov rdx, [rsp+336]
  call fq2_mul
  lea rdi, [rsp+192]
  mov rsi, [rsp+328]
  add rsi, 64
  mov rdx, [rsp+320]
  add rdx, 64
  call fq2_sub
  lea rdi, [rsp+128]
  lea rsi, [rsp+192]
  lea rdx, [rsp+64]
  call fq2_mul
  lea rdi, [rsp+256]
  lea rsi, [rsp+128]
  call fq2_sqr
  lea rdi, [rsp+256]
  lea rsi, [rsp+256]
  mov rdx, [rsp+320]
  call fq2_sub
  lea rdi, [rsp+256]
  lea rsi, [rsp+256]
  mov rdx, [rsp+328]
  call fq2_sub
  lea rdi, [rsp+192]
  mov rsi, [rsp+320]
  lea rdx, [rsp+256]
  call fq2_sub
  lea rdi, [rsp+192]
  lea rsi, [rsp+128]
  lea rdx, [rsp+192]
  call fq2_mul
  mov rdi, [rsp+320]
  add rdi, 64
  lea rsi, [rsp+192]
  mov rdx, [rsp+320]
  add rdx, 64
  call fq2_sub
  mov rdx, [rsp+320]
  mov rax, [rsp+256]
  mov [rdx+0], rax
  mov rax, [rsp+264]
  mov [rdx+8], rax
  mov rax, [rsp+272]
  mov [rdx+16], rax
  mov rax, [rsp+280]
  mov [rdx+24], rax
  mov rax, [rsp+288]
  mov [rdx+32], rax
  mov rax, [rsp+296]
  mov [rdx+40], rax
  mov rax, [rsp+304]
  mov [rdx+48], rax
  mov rax, [rsp+312]
  mov [rdx+56], rax
  test r15, r15
  jnz g2_batch_add_back
  add rsp, 360
  pop r15
  pop r14
  pop r13
  pop r12
  pop rbp
  pop rbx
  ret
# fr_mul: scalar field r.
  montgomery_mul fr_mul, 0xc2e1f593efffffff, 0x43e1f593f0000001, 0x2833e84879b97091, 0xb85045b68181585d, 0x30644e72e131a029
# fr_add(ulong* r, const ulong* a, const ulong* b): r = a + b mod r, all canonical; r may alias a or b.
  .p2align 4
fr_add:
  mov rax, [rsi]
  mov rcx, [rsi+8]
  mov r8, [rsi+16]
  mov r9, [rsi+24]
  add rax, [rdx]
  adc rcx, [rdx+8]
  adc r8, [rdx+16]
  adc r9, [rdx+24]             # < 2p < 2^255: no carry out
  mov r10, rax
  mov r11, rcx
  mov rsi, r8
  mov rdx, r9
  sub r10, [rip+fr_mul_p0]
  sbb r11, [rip+fr_mul_p1]
  sbb rsi, [rip+fr_mul_p2]
  sbb rdx, [rip+fr_mul_p3]
  cmovc r10, rax
  cmovc r11, rcx
  cmovc rsi, r8
  cmovc rdx, r9
  mov [rdi], r10
  mov [rdi+8], r11
  mov [rdi+16], rsi
  mov [rdi+24], rdx
  ret
# poseidon3_partial(ulong* state, const ulong* constants, const ulong* sparse, long rounds): the partial rounds of t = 3
# Poseidon in the optimised (sparse-matrix) form, exactly as Poseidon.PartialRounds3: per round, with
# w = sparse[5r .. 5r+5): x = (s0 + c[r])^5; s0 = w0*x + w1*s1 + w2*s2; s1 += w3*x; s2 += w4*x. Field elements
# are 4 Montgomery limbs (32 bytes, the layout of Fr); rounds >= 1.
  .globl poseidon3_partial
  .p2align 4
poseidon3_partial:
  push rbx
  push rbp
  push r12
  push r13
  sub rsp, 104                      # x at [rsp], t at [rsp+32], a at [rsp+64]
  mov rbx, rdi
  mov rbp, rsi
  mov r12, rdx
  mov r13, rcx
poseidon3_partial_round:
  lea rdi, [rsp]
  lea rsi, [rbx]
  lea rdx, [rbp]
  call fr_add
  lea rdi, [rsp+32]
  lea rsi, [rsp]
  lea rdx, [rsp]
  call fr_mul_local
  lea rdi, [rsp+32]
  lea rsi, [rsp+32]
  lea rdx, [rsp+32]
  call fr_mul_local
  lea rdi, [rsp]
  lea rsi, [rsp+32]
  lea rdx, [rsp]
  call fr_mul_local
  lea rdi, [rsp+64]
  lea rsi, [r12]
  lea rdx, [rsp]
  call fr_mul_local
  lea rdi, [rsp+32]
  lea rsi, [r12+32]
  lea rdx, [rbx+32]
  call fr_mul_local
  lea rdi, [rsp+64]
  lea rsi, [rsp+64]
  lea rdx, [rsp+32]
  call fr_add
  lea rdi, [rsp+32]
  lea rsi, [r12+64]
  lea rdx, [rbx+64]
  call fr_mul_local
  lea rdi, [rbx]
  lea rsi, [rsp+64]
  lea rdx, [rsp+32]
  call fr_add
  lea rdi, [rsp+32]
  lea rsi, [r12+96]
  lea rdx, [rsp]
  call fr_mul_local
  lea rdi, [rbx+32]
  lea rsi, [rbx+32]
  lea rdx, [rsp+32]
  call fr_add
  lea rdi, [rsp+32]
  lea rsi, [r12+128]
  lea rdx, [rsp]
  call fr_mul_local
  lea rdi, [rbx+64]
  lea rsi, [rbx+64]
  lea rdx, [rsp+32]
  call fr_add
  add rbp, 32
  add r12, 160
  dec r13
  jnz poseidon3_partial_round
  add rsp, 104
  pop r13
  pop r12
  pop rbp
  pop rbx
  ret
# poseidon3_full(ulong* state, const ulong* constants, const ulong* matrix): one full round of t = 3 Poseidon, exactly
# as Poseidon.FullRound3: x_i = (s_i + c_i)^5, then s_j = m[3j]*x_0 + m[3j+1]*x_1 + m[3j+2]*x_2.
  .globl poseidon3_full
  .p2align 4
poseidon3_full:
  push rbx
  push rbp
  push r12
  sub rsp, 160                      # x_i at [rsp+32i], t at [rsp+96], a at [rsp+128]
  mov rbx, rdi
  mov rbp, rsi
  mov r12, rdx
  lea rdi, [rsp+0]
  lea rsi, [rbx+0]
  lea rdx, [rbp+0]
  call fr_add
  lea rdi, [rsp+96]
  lea rsi, [rsp+0]
  lea rdx, [rsp+0]
  call fr_mul_local
  lea rdi, [rsp+96]
  lea rsi, [rsp+96]
  lea rdx, [rsp+96]
  call fr_mul_local
  lea rdi, [rsp+0]
  lea rsi, [rsp+96]
  lea rdx, [rsp+0]
  call fr_mul_local
  lea rdi, [rsp+32]
  lea rsi, [rbx+32]
  lea rdx, [rbp+32]
  call fr_add
  lea rdi, [rsp+96]
  lea rsi, [rsp+32]
  lea rdx, [rsp+32]
  call fr_mul_local
  lea rdi, [rsp+96]
  lea rsi, [rsp+96]
  lea rdx, [rsp+96]
  call fr_mul_local
  lea rdi, [rsp+32]
  lea rsi, [rsp+96]
  lea rdx, [rsp+32]
  call fr_mul_local
  lea rdi, [rsp+64]
  lea rsi, [rbx+64]
  lea rdx, [rbp+64]
  call fr_add
  lea rdi, [rsp+96]
  lea rsi, [rsp+64]
  lea rdx, [rsp+64]
  call fr_mul_local
  lea rdi, [rsp+96]
  lea rsi, [rsp+96]
  lea rdx, [rsp+96]
  call fr_mul_local
  lea rdi, [rsp+64]
  lea rsi, [rsp+96]
  lea rdx, [rsp+64]
  call fr_mul_local
  lea rdi, [rsp+128]
  lea rsi, [r12+0]
  lea rdx, [rsp]
  call fr_mul_local
  lea rdi, [rsp+96]
  lea rsi, [r12+32]
  lea rdx, [rsp+32]
  call fr_mul_local
  lea rdi, [rsp+128]
  lea rsi, [rsp+128]
  lea rdx, [rsp+96]
  call fr_add
  lea rdi, [rsp+96]
  lea rsi, [r12+64]
  lea rdx, [rsp+64]
  call fr_mul_local
  lea rdi, [rbx+0]
  lea rsi, [rsp+128]
  lea rdx, [rsp+96]
  call fr_add
  lea rdi, [rsp+128]
  lea rsi, [r12+96]
  lea rdx, [rsp]
  call fr_mul_local
  lea rdi, [rsp+96]
  lea rsi, [r12+128]
  lea rdx, [rsp+32]
  call fr_mul_local
  lea rdi, [rsp+128]
  lea rsi, [rsp+128]
  lea rdx, [rsp+96]
  call fr_add
  lea rdi, [rsp+96]
  lea rsi, [r12+160]
  lea rdx, [rsp+64]
  call fr_mul_local
  lea rdi, [rbx+32]
  lea rsi, [rsp+128]
  lea rdx, [rsp+96]
  call fr_add
  lea rdi, [rsp+128]
  lea rsi, [r12+192]
  lea rdx, [rsp]
  call fr_mul_local
  lea rdi, [rsp+96]
  lea rsi, [r12+224]
  lea rdx, [rsp+32]
  call fr_mul_local
  lea rdi, [rsp+128]
  lea rsi, [rsp+128]
  lea rdx, [rsp+96]
  call fr_add
  lea rdi, [rsp+96]
  lea rsi, [r12+256]
  lea rdx, [rsp+64]
  call fr_mul_local
  lea rdi, [rbx+64]
  lea rsi, [rsp+128]
  lea rdx, [rsp+96]
  call fr_add
  add rsp, 160
  pop r12
  pop rbp
  pop rbx
  ret
