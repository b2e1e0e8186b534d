using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace TrustChain.Core.Crypto;

/// <summary>
/// Binds libsecp256k1 through function pointers resolved with <see cref="NativeLibrary"/>, so no assembly-wide
/// DllImport resolver is needed and a runtime-only install (libsecp256k1.so.1, no dev symlink) works.
/// Holds the one process-wide context; it is created with SIGN|VERIFY, randomized, only read afterwards
/// (thread-safe for the calls used here per the library docs) and never destroyed.
/// </summary>
internal static unsafe class Secp256k1Native
{
    public const uint ContextSignVerify = 0x0301;
    public const uint EcCompressed = 0x0102;
    public const uint EcUncompressed = 0x0002;

    private static readonly string[] Candidates = ["libsecp256k1.so.1", "libsecp256k1.so", "secp256k1", "libsecp256k1"];

    public static readonly IntPtr Context;

    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, IntPtr, IntPtr, int> SignRecoverable;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, int*, byte*, int> RecoverableSerializeCompact;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int, int> RecoverableParseCompact;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, int> Recover;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int> SignatureParseCompact;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, int> Verify;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, nuint, int> PubkeyParse;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, nuint*, byte*, uint, int> PubkeySerialize;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int> PubkeyCreate;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, int> SeckeyVerify;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int> PubkeyTweakMul;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int> PubkeyTweakAdd;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte**, nuint, int> PubkeyCombine;
    public static readonly delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, IntPtr, IntPtr, int> Ecdh;

    private static readonly Exception? LoadError;

    static Secp256k1Native()
    {
        try
        {
            IntPtr lib = LoadLibrary();
            Context = ((delegate* unmanaged[Cdecl]<uint, IntPtr>)Export(lib, "secp256k1_context_create"))(ContextSignVerify);
            if (Context == IntPtr.Zero)
            {
                throw new InvalidOperationException("secp256k1_context_create returned null.");
            }

            // Illegal arguments would otherwise abort() the process; with this callback the call just returns 0.
            var setIllegal = (delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void>)Export(lib, "secp256k1_context_set_illegal_callback");
            setIllegal(Context, (IntPtr)(delegate* unmanaged[Cdecl]<byte*, IntPtr, void>)&OnIllegalArgument, IntPtr.Zero);

            var randomize = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int>)Export(lib, "secp256k1_context_randomize");
            byte* seed = stackalloc byte[32];
            RandomNumberGenerator.Fill(new Span<byte>(seed, 32));
            if (randomize(Context, seed) != 1)
            {
                throw new InvalidOperationException("secp256k1_context_randomize failed.");
            }

            new Span<byte>(seed, 32).Clear();

            SignRecoverable = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, IntPtr, IntPtr, int>)Export(lib, "secp256k1_ecdsa_sign_recoverable");
            RecoverableSerializeCompact = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int*, byte*, int>)Export(lib, "secp256k1_ecdsa_recoverable_signature_serialize_compact");
            RecoverableParseCompact = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int, int>)Export(lib, "secp256k1_ecdsa_recoverable_signature_parse_compact");
            Recover = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, int>)Export(lib, "secp256k1_ecdsa_recover");
            SignatureParseCompact = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int>)Export(lib, "secp256k1_ecdsa_signature_parse_compact");
            Verify = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, int>)Export(lib, "secp256k1_ecdsa_verify");
            PubkeyParse = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, nuint, int>)Export(lib, "secp256k1_ec_pubkey_parse");
            PubkeySerialize = (delegate* unmanaged[Cdecl]<IntPtr, byte*, nuint*, byte*, uint, int>)Export(lib, "secp256k1_ec_pubkey_serialize");
            PubkeyCreate = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int>)Export(lib, "secp256k1_ec_pubkey_create");
            SeckeyVerify = (delegate* unmanaged[Cdecl]<IntPtr, byte*, int>)Export(lib, "secp256k1_ec_seckey_verify");
            PubkeyTweakMul = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int>)Export(lib, "secp256k1_ec_pubkey_tweak_mul");
            PubkeyTweakAdd = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, int>)Export(lib, "secp256k1_ec_pubkey_tweak_add");
            PubkeyCombine = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte**, nuint, int>)Export(lib, "secp256k1_ec_pubkey_combine");
            Ecdh = (delegate* unmanaged[Cdecl]<IntPtr, byte*, byte*, byte*, IntPtr, IntPtr, int>)Export(lib, "secp256k1_ecdh");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            LoadError = e;
        }
    }

    /// <summary>Throws a clear error if the native library could not be loaded.</summary>
    public static void EnsureLoaded()
    {
        if (LoadError is not null)
        {
            throw new InvalidOperationException("libsecp256k1 is unavailable: " + LoadError.Message, LoadError);
        }
    }

    /// <summary>ECDH hash callback returning the raw shared x-coordinate (as geth/devp2p use), instead of the library's SHA-256 default.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    public static int EcdhCopyX(byte* output, byte* x32, byte* y32, IntPtr data)
    {
        Buffer.MemoryCopy(x32, output, 32, 32);
        return 1;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnIllegalArgument(byte* message, IntPtr data)
    {
    }

    private static IntPtr LoadLibrary()
    {
        foreach (string name in Candidates)
        {
            if (NativeLibrary.TryLoad(name, Assembly.GetExecutingAssembly(), DllImportSearchPath.SafeDirectories | DllImportSearchPath.System32, out IntPtr handle)
                || NativeLibrary.TryLoad(name, out handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException($"Could not load libsecp256k1 (tried {string.Join(", ", Candidates)}). Install the libsecp256k1-1 package.");
    }

    private static IntPtr Export(IntPtr lib, string name) => NativeLibrary.GetExport(lib, name);
}
