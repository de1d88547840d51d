using System.Diagnostics;

namespace KubeOps.Mcp.Tools;

internal static class Kubectl
{
    public static async Task<string> RunAsync(string arguments, string? stdin = null, string fileName = "kubectl")
    {
        var psi = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : $"exit {process.ExitCode}: {error}";
    }
}
