import { describe, expect, it } from 'vitest';
import { memoryTree } from '../../crawler/fetch/source-tree.ts';
import { detectServers, serverOf } from '../../crawler/extract/servers.ts';

describe('finding the servers of a repository', () => {
  it('finds one server per package root of a monorepo, with its SDK and version', () => {
    const tree = memoryTree('mono', {
      'package.json': JSON.stringify({ name: 'workspace', private: true }),
      'packages/forge/package.json': JSON.stringify({ name: '@acme/forge-mcp', dependencies: { '@modelcontextprotocol/sdk': '^1.20.1' } }),
      'servers/analytics/pyproject.toml': '[project]\nname = "analytics-mcp"\ndependencies = ["mcp[cli]>=1.10.0", "httpx"]\n',
      'test/fake/package.json': JSON.stringify({ name: 'fake', dependencies: { '@modelcontextprotocol/sdk': '1.0.0' } }),
    });
    expect(detectServers(tree, 'acme/mono')).toEqual([
      { path: 'packages/forge', name: '@acme/forge-mcp', language: 'TypeScript', sdk: 'ts-mcp-sdk', sdkVersion: '^1.20.1' },
      { path: 'servers/analytics', name: 'analytics-mcp', language: 'Python', sdk: 'py-mcp', sdkVersion: '>=1.10.0' },
    ]);
  });

  it('counts a Maven module that gets the SDK through a sibling or parent module', () => {
    const tree = memoryTree('quarkus', {
      'pom.xml': '<project><artifactId>servers-parent</artifactId><modules><module>shared</module><module>jdbc</module></modules></project>',
      'shared/pom.xml': '<project><parent><artifactId>servers-parent</artifactId></parent><artifactId>server-shared</artifactId>'
        + '<dependencies><dependency><artifactId>quarkus-mcp-server-stdio</artifactId></dependency></dependencies></project>',
      'jdbc/pom.xml': '<project><parent><artifactId>servers-parent</artifactId></parent><artifactId>server-jdbc</artifactId>'
        + '<dependencies><dependency><artifactId>server-shared</artifactId></dependency></dependencies></project>',
    });
    const servers = detectServers(tree, 'acme/quarkus');
    expect(servers.map((s) => [s.path, s.name, s.sdk])).toEqual([
      ['jdbc', 'server-jdbc', 'java-quarkus-mcp'],
      ['shared', 'server-shared', 'java-quarkus-mcp'],
    ]);
    expect(serverOf(servers, 'jdbc/src/main/java/Tools.java')?.path).toBe('jdbc');
  });

  it('counts an npm workspace package that gets the SDK through another package of the repository', () => {
    const tree = memoryTree('workers', {
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['apps/*', 'packages/*'] }),
      'packages/mcp-common/package.json': JSON.stringify({ name: '@repo/mcp-common', dependencies: { '@modelcontextprotocol/sdk': '1.20.0' } }),
      'apps/docs/package.json': JSON.stringify({ name: 'docs-app', dependencies: { '@repo/mcp-common': 'workspace:*' } }),
      'apps/site/package.json': JSON.stringify({ name: 'site', dependencies: { react: '19.0.0' } }),
    });
    expect(detectServers(tree, 'acme/workers').map((s) => [s.path, s.name, s.sdk])).toEqual([
      ['apps/docs', 'docs-app', 'ts-mcp-sdk'],
      ['packages/mcp-common', '@repo/mcp-common', 'ts-mcp-sdk'],
    ]);
  });

  it('counts a C# project that references the SDK project instead of the package', () => {
    const tree = memoryTree('cs', {
      'samples/Weather/Weather.csproj': '<Project><ItemGroup><ProjectReference Include="..\\..\\src\\ModelContextProtocol\\ModelContextProtocol.csproj" /></ItemGroup></Project>',
    });
    expect(detectServers(tree, 'acme/cs')).toEqual([
      { path: 'samples/Weather', name: 'Weather', language: 'C#', sdk: 'csharp-mcp-sdk', sdkVersion: null },
    ]);
  });
});

describe('which files extraction reads', () => {
  it('skips tests, dependencies and build output, but reads OpenAPI documents kept in spec/', async () => {
    const { isSkippedPath } = await import('../../crawler/extract/files.ts');
    expect(isSkippedPath('src/index.test.ts')).toBe(true);
    expect(isSkippedPath('node_modules/x/index.js')).toBe(true);
    expect(isSkippedPath('dist/server.js')).toBe(true);
    expect(isSkippedPath('spec/tools.ts')).toBe(true);
    expect(isSkippedPath('spec/openapi.json')).toBe(false);
    expect(isSkippedPath('specs/api.yaml')).toBe(false);
    expect(isSkippedPath('src/server.ts')).toBe(false);
  });
});

describe('Gradle builds', () => {
  it('find the SDK through the version catalog, and skip test source sets', async () => {
    const tree = memoryTree('kotlin', {
      'samples/weather/build.gradle.kts': 'dependencies {\n    implementation(libs.mcp.kotlin.server)\n}\n',
      'samples/weather/gradle/libs.versions.toml': '[versions]\nmcp-kotlin = "0.14.0"\n[libraries]\nmcp-kotlin-server = { group = "io.modelcontextprotocol", name = "kotlin-sdk-server", version.ref = "mcp-kotlin" }\n',
      'samples/plain/build.gradle.kts': 'dependencies {\n    implementation(libs.ktor.server)\n}\n',
      'samples/plain/gradle/libs.versions.toml': '[libraries]\nktor-server = { module = "io.ktor:ktor-server-core", version = "3.0.0" }\n',
    });
    expect(detectServers(tree, 'acme/kotlin').map((s) => [s.path, s.sdk])).toEqual([['samples/weather', 'kotlin-mcp-sdk']]);
    const { isSkippedPath } = await import('../../crawler/extract/files.ts');
    expect(isSkippedPath('kotlin-sdk-server/src/jvmTest/kotlin/ServerTest.kt')).toBe(true);
    expect(isSkippedPath('kotlin-sdk-server/src/commonTest/kotlin/A.kt')).toBe(true);
    expect(isSkippedPath('module/src/test/java/A.java')).toBe(true);
    expect(isSkippedPath('kotlin-sdk-server/src/commonMain/kotlin/Server.kt')).toBe(false);
  });
});

describe('an SDK repository itself', () => {
  it('is not a server because its own name is the SDK name', () => {
    const tree = memoryTree('fastmcp', {
      'pyproject.toml': '[project]\nname = "fastmcp"\ndependencies = ["httpx>=0.28", "pydantic>=2"]\n',
      'examples/echo/pyproject.toml': '[project]\nname = "echo"\ndependencies = ["fastmcp>=2.0"]\n',
    });
    expect(detectServers(tree, 'jlowin/fastmcp').map((s) => [s.path, s.sdk])).toEqual([['examples/echo', 'py-fastmcp']]);
  });
});
