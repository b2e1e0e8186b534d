using System.Runtime.CompilerServices;

// Tests construct client states with a deliberately wrong blind, which the public API never allows.
[assembly: InternalsVisibleTo("TrustChain.Biometrics.Tests")]
