using System.Net;
using System.Net.Sockets;

namespace TrustChain.Node.Tests.Testnet;

/// <summary>Finds a run of consecutive loopback ports that are free right now.</summary>
public static class FreePorts
{
    public static int FindRun(int count, int avoidFrom = -1, int avoidCount = 0)
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            int start = Random.Shared.Next(20_000, 60_000 - count);
            if (start + count > avoidFrom && avoidFrom + avoidCount > start)
            {
                continue;
            }

            if (Enumerable.Range(start, count).All(IsFree))
            {
                return start;
            }
        }

        throw new InvalidOperationException($"no run of {count} free loopback ports found");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
