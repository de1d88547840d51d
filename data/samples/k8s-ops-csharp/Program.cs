using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHttpClient();
builder.Services
    .AddMcpServer()
    .WithStdioServerTransport()
    .WithTools<KubeOps.Mcp.Tools.ClusterTools>()
    .WithTools<KubeOps.Mcp.Tools.ReviewTools>();

await builder.Build().RunAsync();
