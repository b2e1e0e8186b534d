namespace TrustChain.Biometrics.Study;

public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb White => new(255, 255, 255);

    public static Rgb Black => new(0, 0, 0);

    public static Rgb Grid => new(225, 225, 225);
}
