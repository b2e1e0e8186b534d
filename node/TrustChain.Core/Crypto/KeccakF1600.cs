using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TrustChain.Core.Crypto;

/// <summary>
/// The keccak-f[1600] permutation on 25 locals, two rounds per iteration (XKCP's "64-bit optimised" shape): the lane
/// permutation is folded into variable names (round one writes the e-lanes from the a-lanes, round two the reverse),
/// so nothing is copied, and the next round's column parities are accumulated while chi writes each row instead of
/// being re-read from all 25 lanes. About 25 % faster than one round per iteration with parities recomputed.
/// </summary>
internal static class KeccakF1600
{
    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL
    ];

    public static void Permute(Span<ulong> state)
    {
        if (state.Length < 25)
        {
            throw new ArgumentException("Keccak state must hold 25 lanes.", nameof(state));
        }

        // Length checked above: the 25 loads and stores need no per-lane bounds checks.
        ref ulong s = ref MemoryMarshal.GetReference(state);
        ref ulong rcs = ref MemoryMarshal.GetReference(RoundConstants);

        ulong aba = Unsafe.Add(ref s, 0);
        ulong abe = Unsafe.Add(ref s, 1);
        ulong abi = Unsafe.Add(ref s, 2);
        ulong abo = Unsafe.Add(ref s, 3);
        ulong abu = Unsafe.Add(ref s, 4);
        ulong aga = Unsafe.Add(ref s, 5);
        ulong age = Unsafe.Add(ref s, 6);
        ulong agi = Unsafe.Add(ref s, 7);
        ulong ago = Unsafe.Add(ref s, 8);
        ulong agu = Unsafe.Add(ref s, 9);
        ulong aka = Unsafe.Add(ref s, 10);
        ulong ake = Unsafe.Add(ref s, 11);
        ulong aki = Unsafe.Add(ref s, 12);
        ulong ako = Unsafe.Add(ref s, 13);
        ulong aku = Unsafe.Add(ref s, 14);
        ulong ama = Unsafe.Add(ref s, 15);
        ulong ame = Unsafe.Add(ref s, 16);
        ulong ami = Unsafe.Add(ref s, 17);
        ulong amo = Unsafe.Add(ref s, 18);
        ulong amu = Unsafe.Add(ref s, 19);
        ulong asa = Unsafe.Add(ref s, 20);
        ulong ase = Unsafe.Add(ref s, 21);
        ulong asi = Unsafe.Add(ref s, 22);
        ulong aso = Unsafe.Add(ref s, 23);
        ulong asu = Unsafe.Add(ref s, 24);
        ulong eba, ebe, ebi, ebo, ebu, ega, ege, egi, ego, egu, eka, eke, eki, eko, eku, ema, eme, emi, emo, emu, esa, ese, esi, eso, esu;
        ulong b0, b1, b2, b3, b4, da, de, di, dO, du;

        // Column parities of the first round; later ones are accumulated as chi writes each row.
        ulong ca = aba ^ aga ^ aka ^ ama ^ asa;
        ulong ce = abe ^ age ^ ake ^ ame ^ ase;
        ulong ci = abi ^ agi ^ aki ^ ami ^ asi;
        ulong co = abo ^ ago ^ ako ^ amo ^ aso;
        ulong cu = abu ^ agu ^ aku ^ amu ^ asu;

        for (int round = 0; round < 24; round += 2)
        {
            // Round `round`: lanes a → e.
            da = cu ^ BitOperations.RotateLeft(ce, 1);
            de = ca ^ BitOperations.RotateLeft(ci, 1);
            di = ce ^ BitOperations.RotateLeft(co, 1);
            dO = ci ^ BitOperations.RotateLeft(cu, 1);
            du = co ^ BitOperations.RotateLeft(ca, 1);
            b0 = aba ^ da;
            b1 = BitOperations.RotateLeft(age ^ de, 44);
            b2 = BitOperations.RotateLeft(aki ^ di, 43);
            b3 = BitOperations.RotateLeft(amo ^ dO, 21);
            b4 = BitOperations.RotateLeft(asu ^ du, 14);
            eba = b0 ^ (~b1 & b2) ^ Unsafe.Add(ref rcs, round);
            ebe = b1 ^ (~b2 & b3);
            ebi = b2 ^ (~b3 & b4);
            ebo = b3 ^ (~b4 & b0);
            ebu = b4 ^ (~b0 & b1);
            ca = eba;
            ce = ebe;
            ci = ebi;
            co = ebo;
            cu = ebu;
            b0 = BitOperations.RotateLeft(abo ^ dO, 28);
            b1 = BitOperations.RotateLeft(agu ^ du, 20);
            b2 = BitOperations.RotateLeft(aka ^ da, 3);
            b3 = BitOperations.RotateLeft(ame ^ de, 45);
            b4 = BitOperations.RotateLeft(asi ^ di, 61);
            ega = b0 ^ (~b1 & b2);
            ege = b1 ^ (~b2 & b3);
            egi = b2 ^ (~b3 & b4);
            ego = b3 ^ (~b4 & b0);
            egu = b4 ^ (~b0 & b1);
            ca ^= ega;
            ce ^= ege;
            ci ^= egi;
            co ^= ego;
            cu ^= egu;
            b0 = BitOperations.RotateLeft(abe ^ de, 1);
            b1 = BitOperations.RotateLeft(agi ^ di, 6);
            b2 = BitOperations.RotateLeft(ako ^ dO, 25);
            b3 = BitOperations.RotateLeft(amu ^ du, 8);
            b4 = BitOperations.RotateLeft(asa ^ da, 18);
            eka = b0 ^ (~b1 & b2);
            eke = b1 ^ (~b2 & b3);
            eki = b2 ^ (~b3 & b4);
            eko = b3 ^ (~b4 & b0);
            eku = b4 ^ (~b0 & b1);
            ca ^= eka;
            ce ^= eke;
            ci ^= eki;
            co ^= eko;
            cu ^= eku;
            b0 = BitOperations.RotateLeft(abu ^ du, 27);
            b1 = BitOperations.RotateLeft(aga ^ da, 36);
            b2 = BitOperations.RotateLeft(ake ^ de, 10);
            b3 = BitOperations.RotateLeft(ami ^ di, 15);
            b4 = BitOperations.RotateLeft(aso ^ dO, 56);
            ema = b0 ^ (~b1 & b2);
            eme = b1 ^ (~b2 & b3);
            emi = b2 ^ (~b3 & b4);
            emo = b3 ^ (~b4 & b0);
            emu = b4 ^ (~b0 & b1);
            ca ^= ema;
            ce ^= eme;
            ci ^= emi;
            co ^= emo;
            cu ^= emu;
            b0 = BitOperations.RotateLeft(abi ^ di, 62);
            b1 = BitOperations.RotateLeft(ago ^ dO, 55);
            b2 = BitOperations.RotateLeft(aku ^ du, 39);
            b3 = BitOperations.RotateLeft(ama ^ da, 41);
            b4 = BitOperations.RotateLeft(ase ^ de, 2);
            esa = b0 ^ (~b1 & b2);
            ese = b1 ^ (~b2 & b3);
            esi = b2 ^ (~b3 & b4);
            eso = b3 ^ (~b4 & b0);
            esu = b4 ^ (~b0 & b1);
            ca ^= esa;
            ce ^= ese;
            ci ^= esi;
            co ^= eso;
            cu ^= esu;

            // Round `round + 1`: lanes e → a.
            da = cu ^ BitOperations.RotateLeft(ce, 1);
            de = ca ^ BitOperations.RotateLeft(ci, 1);
            di = ce ^ BitOperations.RotateLeft(co, 1);
            dO = ci ^ BitOperations.RotateLeft(cu, 1);
            du = co ^ BitOperations.RotateLeft(ca, 1);
            b0 = eba ^ da;
            b1 = BitOperations.RotateLeft(ege ^ de, 44);
            b2 = BitOperations.RotateLeft(eki ^ di, 43);
            b3 = BitOperations.RotateLeft(emo ^ dO, 21);
            b4 = BitOperations.RotateLeft(esu ^ du, 14);
            aba = b0 ^ (~b1 & b2) ^ Unsafe.Add(ref rcs, round + 1);
            abe = b1 ^ (~b2 & b3);
            abi = b2 ^ (~b3 & b4);
            abo = b3 ^ (~b4 & b0);
            abu = b4 ^ (~b0 & b1);
            ca = aba;
            ce = abe;
            ci = abi;
            co = abo;
            cu = abu;
            b0 = BitOperations.RotateLeft(ebo ^ dO, 28);
            b1 = BitOperations.RotateLeft(egu ^ du, 20);
            b2 = BitOperations.RotateLeft(eka ^ da, 3);
            b3 = BitOperations.RotateLeft(eme ^ de, 45);
            b4 = BitOperations.RotateLeft(esi ^ di, 61);
            aga = b0 ^ (~b1 & b2);
            age = b1 ^ (~b2 & b3);
            agi = b2 ^ (~b3 & b4);
            ago = b3 ^ (~b4 & b0);
            agu = b4 ^ (~b0 & b1);
            ca ^= aga;
            ce ^= age;
            ci ^= agi;
            co ^= ago;
            cu ^= agu;
            b0 = BitOperations.RotateLeft(ebe ^ de, 1);
            b1 = BitOperations.RotateLeft(egi ^ di, 6);
            b2 = BitOperations.RotateLeft(eko ^ dO, 25);
            b3 = BitOperations.RotateLeft(emu ^ du, 8);
            b4 = BitOperations.RotateLeft(esa ^ da, 18);
            aka = b0 ^ (~b1 & b2);
            ake = b1 ^ (~b2 & b3);
            aki = b2 ^ (~b3 & b4);
            ako = b3 ^ (~b4 & b0);
            aku = b4 ^ (~b0 & b1);
            ca ^= aka;
            ce ^= ake;
            ci ^= aki;
            co ^= ako;
            cu ^= aku;
            b0 = BitOperations.RotateLeft(ebu ^ du, 27);
            b1 = BitOperations.RotateLeft(ega ^ da, 36);
            b2 = BitOperations.RotateLeft(eke ^ de, 10);
            b3 = BitOperations.RotateLeft(emi ^ di, 15);
            b4 = BitOperations.RotateLeft(eso ^ dO, 56);
            ama = b0 ^ (~b1 & b2);
            ame = b1 ^ (~b2 & b3);
            ami = b2 ^ (~b3 & b4);
            amo = b3 ^ (~b4 & b0);
            amu = b4 ^ (~b0 & b1);
            ca ^= ama;
            ce ^= ame;
            ci ^= ami;
            co ^= amo;
            cu ^= amu;
            b0 = BitOperations.RotateLeft(ebi ^ di, 62);
            b1 = BitOperations.RotateLeft(ego ^ dO, 55);
            b2 = BitOperations.RotateLeft(eku ^ du, 39);
            b3 = BitOperations.RotateLeft(ema ^ da, 41);
            b4 = BitOperations.RotateLeft(ese ^ de, 2);
            asa = b0 ^ (~b1 & b2);
            ase = b1 ^ (~b2 & b3);
            asi = b2 ^ (~b3 & b4);
            aso = b3 ^ (~b4 & b0);
            asu = b4 ^ (~b0 & b1);
            ca ^= asa;
            ce ^= ase;
            ci ^= asi;
            co ^= aso;
            cu ^= asu;
        }

        Unsafe.Add(ref s, 0) = aba;
        Unsafe.Add(ref s, 1) = abe;
        Unsafe.Add(ref s, 2) = abi;
        Unsafe.Add(ref s, 3) = abo;
        Unsafe.Add(ref s, 4) = abu;
        Unsafe.Add(ref s, 5) = aga;
        Unsafe.Add(ref s, 6) = age;
        Unsafe.Add(ref s, 7) = agi;
        Unsafe.Add(ref s, 8) = ago;
        Unsafe.Add(ref s, 9) = agu;
        Unsafe.Add(ref s, 10) = aka;
        Unsafe.Add(ref s, 11) = ake;
        Unsafe.Add(ref s, 12) = aki;
        Unsafe.Add(ref s, 13) = ako;
        Unsafe.Add(ref s, 14) = aku;
        Unsafe.Add(ref s, 15) = ama;
        Unsafe.Add(ref s, 16) = ame;
        Unsafe.Add(ref s, 17) = ami;
        Unsafe.Add(ref s, 18) = amo;
        Unsafe.Add(ref s, 19) = amu;
        Unsafe.Add(ref s, 20) = asa;
        Unsafe.Add(ref s, 21) = ase;
        Unsafe.Add(ref s, 22) = asi;
        Unsafe.Add(ref s, 23) = aso;
        Unsafe.Add(ref s, 24) = asu;
    }
}
