namespace TrustChain.Chain.Abi;

/// <summary>
/// Parses ethers-style human-readable declarations, so a contract states each function, event and error once:
/// "function register(string name, (address to, uint256 amount)[] items) payable returns (uint256 id)",
/// "event Registered(uint256 indexed id, address indexed owner, string name)", "error NotOwner(address caller)".
/// </summary>
public static class HumanReadableAbi
{
    public static AbiFunction ParseFunction(string declaration)
    {
        Scanner s = new(declaration);
        s.SkipKeyword("function");
        string name = s.Identifier("function name");
        List<AbiParameter> inputs = s.ParameterList(allowIndexed: false);
        StateMutability mutability = StateMutability.NonPayable;
        List<AbiParameter> outputs = [];
        while (!s.AtEnd)
        {
            string word = s.Identifier("modifier");
            switch (word)
            {
                case "external":
                case "public":
                    break;
                case "view":
                case "pure":
                case "payable":
                case "nonpayable":
                    mutability = StateMutabilityNames.Parse(word);
                    break;
                case "returns":
                    outputs = s.ParameterList(allowIndexed: false);
                    break;
                default:
                    throw s.Error($"unexpected '{word}'");
            }
        }

        return new AbiFunction(name, inputs, outputs, mutability);
    }

    public static AbiEvent ParseEvent(string declaration)
    {
        Scanner s = new(declaration);
        s.SkipKeyword("event");
        string name = s.Identifier("event name");
        List<AbiParameter> inputs = s.ParameterList(allowIndexed: true);
        bool anonymous = false;
        if (!s.AtEnd)
        {
            anonymous = s.Identifier("modifier") == "anonymous" ? true : throw s.Error("only 'anonymous' may follow an event's parameters");
        }

        s.ExpectEnd();
        return new AbiEvent(name, inputs, anonymous);
    }

    public static AbiError ParseError(string declaration)
    {
        Scanner s = new(declaration);
        s.SkipKeyword("error");
        string name = s.Identifier("error name");
        List<AbiParameter> inputs = s.ParameterList(allowIndexed: false);
        s.ExpectEnd();
        return new AbiError(name, inputs);
    }

    /// <summary>A parameter list without the parentheses: "address to, uint256 amount".</summary>
    public static IReadOnlyList<AbiParameter> ParseParameters(string parameters)
    {
        Scanner s = new("(" + parameters + ")");
        List<AbiParameter> result = s.ParameterList(allowIndexed: false);
        s.ExpectEnd();
        return result;
    }

    private struct Scanner
    {
        private const int MaxDepth = 32;
        private readonly string _text;
        private int _position;
        private int _depth;

        public Scanner(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            _text = text;
            _position = 0;
            _depth = 0;
        }

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return _position >= _text.Length || _text[_position] == ';';
            }
        }

        public void SkipKeyword(string keyword)
        {
            SkipSpace();
            int save = _position;
            if (Peek() != '\0' && IsIdentifierChar(Peek()) && Identifier(keyword) != keyword)
            {
                _position = save;
            }
        }

        public void ExpectEnd()
        {
            if (!AtEnd)
            {
                throw Error($"unexpected '{_text[_position]}'");
            }
        }

        public string Identifier(string what)
        {
            SkipSpace();
            int start = _position;
            while (_position < _text.Length && IsIdentifierChar(_text[_position]))
            {
                _position++;
            }

            return _position > start ? _text[start.._position] : throw Error($"expected {what}");
        }

        public List<AbiParameter> ParameterList(bool allowIndexed)
        {
            Expect('(');
            List<AbiParameter> parameters = [];
            if (TryConsume(')'))
            {
                return parameters;
            }

            if (++_depth > MaxDepth)
            {
                throw Error("nested too deeply");
            }

            do
            {
                parameters.Add(Parameter(allowIndexed));
            }
            while (TryConsume(','));
            Expect(')');
            _depth--;
            return parameters;
        }

        public readonly AbiException Error(string message) => new($"cannot parse '{_text}': {message} at position {_position}");

        private AbiParameter Parameter(bool allowIndexed)
        {
            SkipSpace();
            AbiType type;
            IReadOnlyList<AbiParameter>? components = null;
            if (Peek() == '(' || StartsWithWord("tuple"))
            {
                if (Peek() != '(')
                {
                    Identifier("tuple");
                }

                List<AbiParameter> fields = ParameterList(allowIndexed: false);
                components = fields;
                type = AbiType.Tuple(fields.Select(static f => f.Type).ToArray());
            }
            else
            {
                type = AbiType.Parse(Identifier("type"));
            }

            while (TryConsume('['))
            {
                SkipSpace();
                int start = _position;
                while (_position < _text.Length && char.IsAsciiDigit(_text[_position]))
                {
                    _position++;
                }

                string digits = _text[start.._position];
                Expect(']');
                type = AbiType.Parse(type.CanonicalName + "[" + digits + "]");
            }

            bool indexed = false;
            string name = "";
            while (!AtEnd && IsIdentifierChar(Peek()))
            {
                string word = Identifier("name");
                switch (word)
                {
                    case "indexed" when allowIndexed:
                        indexed = true;
                        break;
                    case "calldata":
                    case "memory":
                    case "storage":
                        break;
                    default:
                        name = name.Length == 0 ? word : throw Error($"unexpected '{word}'");
                        break;
                }
            }

            return new AbiParameter(name, type, indexed, components);
        }

        private bool StartsWithWord(string word)
        {
            SkipSpace();
            int end = _position + word.Length;
            return _text.AsSpan(_position).StartsWith(word, StringComparison.Ordinal)
                && (end >= _text.Length || !IsIdentifierChar(_text[end]));
        }

        private void Expect(char c)
        {
            if (!TryConsume(c))
            {
                throw Error($"expected '{c}'");
            }
        }

        private bool TryConsume(char c)
        {
            SkipSpace();
            if (_position < _text.Length && _text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        private char Peek()
        {
            SkipSpace();
            return _position < _text.Length ? _text[_position] : '\0';
        }

        private void SkipSpace()
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
        }

        private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';
    }
}
