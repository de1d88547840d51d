using System.ComponentModel;
using System.Net.Http.Json;
using ModelContextProtocol.Server;

namespace KubeOps.Mcp.Tools;

[McpServerToolType]
public class ReviewTools(IHttpClientFactory httpFactory)
{
    private const string Api = "https://git.example.com/api/v1";

    [McpServerTool, Description("Add a comment to a pull request on the team's Git server.")]
    public async Task<string> CommentOnPullRequestAsync(
        [Description("Repository, owner/name")] string repo,
        [Description("Pull request number")] int number,
        [Description("Markdown comment body")] string body,
        CancellationToken cancellationToken)
    {
        var http = httpFactory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("token", Environment.GetEnvironmentVariable("GIT_TOKEN"));
        var response = await http.PostAsJsonAsync($"{Api}/repos/{repo}/issues/{number}/comments", new { body }, cancellationToken);
        return response.IsSuccessStatusCode ? "commented" : $"failed: {(int)response.StatusCode}";
    }
}
