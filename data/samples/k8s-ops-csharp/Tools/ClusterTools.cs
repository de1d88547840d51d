using System.ComponentModel;
using ModelContextProtocol.Server;

namespace KubeOps.Mcp.Tools;

[McpServerToolType]
public class ClusterTools
{
    [McpServerTool(ReadOnly = true, OpenWorld = false), Description("Fetch the most recent log lines of a pod.")]
    public static Task<string> GetPodLogsAsync(
        [Description("Pod name")] string pod,
        [Description("Namespace")] string ns = "default",
        [Description("Number of lines from the end")] int tail = 200)
        => Kubectl.RunAsync($"logs {pod} -n {ns} --tail={tail}");

    [McpServerTool(Name = "delete_pod", Destructive = true)]
    [Description("Delete a pod. Pods owned by a Deployment or ReplicaSet are recreated by their controller.")]
    public static Task<string> DeletePod(string pod, string ns = "default")
        => Kubectl.RunAsync($"delete pod {pod} -n {ns} --wait=false");

    [McpServerTool(Title = "Apply manifest", Destructive = true, Idempotent = true)]
    [Description("Apply a Kubernetes YAML manifest to the cluster with kubectl apply. Any kind of resource is accepted.")]
    public static Task<string> ApplyManifest([Description("Complete YAML manifest")] string manifest)
        => Kubectl.RunAsync("apply -f -", stdin: manifest);

    [McpServerTool(Name = "run_powershell")]
    [Description("Run a PowerShell script on the operator machine, e.g. to call Azure or kubectl plugins.")]
    public static Task<string> RunPowerShell(string script)
        => Kubectl.RunAsync("-NoProfile -NonInteractive -Command -", stdin: script, fileName: "pwsh");
}
