using System.Diagnostics;

namespace Mmx.Tests.Infrastructure;

/// <summary>Reads QR codes as a phone's scanner would: zbarimg (zbar-tools, installed by test.sh).</summary>
public static class QrCodes
{
    /// <summary>The text a PNG's QR code holds.</summary>
    public static async Task<string> Decode(byte[] png)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mmx-qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, png);
        try
        {
            using var zbar = Process.Start(new ProcessStartInfo("zbarimg", ["--raw", "-q", file]) { RedirectStandardOutput = true })!;
            var output = await zbar.StandardOutput.ReadToEndAsync();
            await zbar.WaitForExitAsync();
            Assert.Equal(0, zbar.ExitCode);
            return output.Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
