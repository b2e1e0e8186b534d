using System.Runtime.CompilerServices;

// Lets the tests drive the sponge with SHA3 padding and cross-check it against the platform's SHA3-256.
[assembly: InternalsVisibleTo("TrustChain.Core.Tests")]
