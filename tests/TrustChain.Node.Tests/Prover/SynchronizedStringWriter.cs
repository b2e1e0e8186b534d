using System.Text;

namespace TrustChain.Node.Tests.Prover;

/// <summary>The node's log sink in the tests: every line the real logger writes, readable afterwards.</summary>
public sealed class SynchronizedStringWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
