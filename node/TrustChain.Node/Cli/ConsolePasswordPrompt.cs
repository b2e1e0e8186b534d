using System.Text;

namespace TrustChain.Node.Cli;

/// <summary>Reads a password from the terminal without echoing it; from stdin as a plain line when it is redirected.</summary>
public sealed class ConsolePasswordPrompt : IPasswordPrompt
{
    public string Read(string prompt)
    {
        Console.Error.Write(prompt);
        if (Console.IsInputRedirected)
        {
            string? line = Console.In.ReadLine();
            Console.Error.WriteLine();
            return line ?? throw new Config.ConfigException("no password given: standard input is closed (use --password-file).");
        }

        StringBuilder password = new();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
