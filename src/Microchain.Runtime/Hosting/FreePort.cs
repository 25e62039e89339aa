using System.Net;
using System.Net.Sockets;

namespace Microchain.Runtime.Hosting;

internal static class FreePort
{
    /// <summary>A port the OS just handed out on loopback; free unless another process takes it in between.</summary>
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
