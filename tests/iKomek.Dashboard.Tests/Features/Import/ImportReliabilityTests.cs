using System.Globalization;
using System.Text;
using Dapper;
using IKomek.Dashboard.Features.Import;
using IKomek.Dashboard.Platform.Audit;
using IKomek.Dashboard.Tests.Infrastructure;

namespace IKomek.Dashboard.Tests.Features.Import;

/// <summary>Imports cut short, files in every encoding a city sends, and the audit log of who imported what.</summary>
public sealed class ImportReliabilityTests(DemoCityDatabase city) : IClassFixture<DemoCityDatabase>
{
    private const string Description = "Нет отопления в квартире, батареи холодные. Ёлка во дворе";

    static ImportReliabilityTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("utf-8", false)]
    [InlineData("utf-8", true)]
    [InlineData("utf-16", true)]
    [InlineData("unicodeFFFE", true)]
    [InlineData("windows-1251", false)]
    [InlineData("koi8-r", false)]
    public async Task Open311File_InEachEncoding_StoresTheCyrillicTextAsItWas(string encodingName, bool bom)
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var code = await conn.ExecuteScalarAsync<string>("SELECT code FROM service_types WHERE code LIKE 'heating.%' ORDER BY id LIMIT 1");
        var key = $"enc-{encodingName}-{bom}";
        var csv = $"service_request_id,requested_datetime,service_code,description,lat,long\n{key},2024-03-01T08:00:00Z,{code},\"{Description}\",51.15,71.43\n";
        var encoding = Encoding.GetEncoding(encodingName);
        byte[] bytes = [.. bom ? encoding.GetPreamble() : [], .. encoding.GetBytes(csv)];

        var result = await ImportFixture.Importer(city.DataSource).ImportAsync(new MemoryStream(bytes), key + ".csv", ImportMapping.Open311, new Actor("test"));

        Assert.Null(result.FileError);
        Assert.Equal(1, result.Inserted);
        Assert.Equal(Description, await conn.ExecuteScalarAsync<string>(
            "SELECT a.description FROM appeal_imports i JOIN appeals a ON a.id = i.appeal_id WHERE i.source = 'open311' AND i.source_key = @key", new { key }));
    }

    [Fact]
    public async Task FileInvalidInItsEncoding_IsRefusedWithThePlace_AndNothingIsStored()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var code = await conn.ExecuteScalarAsync<string>("SELECT code FROM service_types ORDER BY id LIMIT 1");
        var good = string.Concat(Enumerable.Range(0, 50).Select(i => $"bad-{i},2024-03-01T08:00:00Z,{code},\"{Description}\",51.15,71.43\n"));
        byte[] bytes = [.. Encoding.UTF8.GetBytes("service_request_id,requested_datetime,service_code,description,lat,long\n" + good), .. "bad-x,2024-03-01T08:00:00Z,"u8, 0xC3, 0x28, .. "\n"u8];
        var fingerprint = await ImportFixture.AppealsFingerprintAsync(conn);

        var result = await ImportFixture.Importer(city.DataSource).ImportAsync(new MemoryStream(bytes), "broken.csv", ImportMapping.Open311, new Actor("test"));
        var declared = await ImportFixture.Importer(city.DataSource).ImportAsync(
            new MemoryStream(Encoding.GetEncoding("windows-1251").GetBytes("service_request_id,requested_datetime,service_code,description,lat,long\nw-1,2024-03-01T08:00:00Z,x,Нет воды,51.15,71.43\n")),
            "declared.csv", ImportMapping.Open311 with { Encoding = "utf-8" }, new Actor("test"));

        Assert.Equal(("encoding", 0L), (result.FileError?.Code, result.Inserted));
        Assert.Equal("The file is not valid utf-8: byte 0xC3 on line 52 (byte " + (bytes.Length - 3 + 1) + " of the file). Nothing was stored: save the file as UTF-8 or give its encoding",
            ImportTexts.FileErrorEn(result.FileError!));
        Assert.Equal("encoding", declared.FileError?.Code);
        Assert.Equal(fingerprint, await ImportFixture.AppealsFingerprintAsync(conn));
        Assert.Equal("encoding", await conn.ExecuteScalarAsync<string>("SELECT error FROM import_runs WHERE id = @id", new { id = result.RunId }));
    }

    [Fact]
    public async Task ImportKilledMidWay_IsMarkedInterruptedWithItsTrueCounts_AndTheSameImportAddsExactlyTheRest()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var code = await conn.ExecuteScalarAsync<string>("SELECT code FROM service_types ORDER BY id LIMIT 1");
        var total = AppealImporter.BatchSize + 3000;
        var csv = new StringBuilder("service_request_id,requested_datetime,service_code,description,lat,long\n");
        for (var i = 0; i < total; i++) csv.Append(CultureInfo.InvariantCulture, $"kill-{i},2023-05-01T10:00:00Z,{code},Обращение номер {i},51.15,71.43\n");
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var before = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals");

        // The file's last rows wait until the first batch is committed; then every connection of the import is cut,
        // as when its process is killed or PostgreSQL stops under it.
        var gate = new GateStream(bytes, bytes.Length - 2000);
        var import = Task.Run(() => ImportFixture.Importer(city.DataSource).ImportAsync(gate, "killed.csv", ImportMapping.Open311, new Actor("admin", "admin")));
        await WaitUntilAsync(async () => await conn.ExecuteScalarAsync<int?>("SELECT rows_inserted FROM import_runs WHERE file_name = 'killed.csv'") == AppealImporter.BatchSize);
        await conn.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        gate.Open();
        await Assert.ThrowsAnyAsync<Exception>(() => import);
        city.DataSource.Clear();
        await using var check = await city.DataSource.OpenConnectionAsync();

        Assert.Equal((null, AppealImporter.BatchSize), await check.QuerySingleAsync<(string?, int)>("SELECT error, rows_inserted FROM import_runs WHERE file_name = 'killed.csv'"));
        Assert.Equal(1, await ImportRuns.MarkInterruptedAsync(city.DataSource, CancellationToken.None));
        var run = await check.QuerySingleAsync<(long Id, string Error, int Inserted, bool Finished)>(
            "SELECT id, error, rows_inserted, finished_at IS NOT NULL FROM import_runs WHERE file_name = 'killed.csv'");
        Assert.Equal(("interrupted", AppealImporter.BatchSize, true), (run.Error, run.Inserted, run.Finished));
        Assert.Equal(AppealImporter.BatchSize, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals") - before);
        var audited = await check.QuerySingleAsync<(string Actor, string Details)>(
            "SELECT actor, details::text FROM audit_log WHERE action = 'import' AND subject_id = @id", new { id = run.Id.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal("system:import-recovery", audited.Actor);
        Assert.Contains("\"importedBy\": \"admin\"", audited.Details);
        Assert.Contains("\"outcome\": \"interrupted\"", audited.Details);
        Assert.DoesNotContain("Обращение", audited.Details);

        var again = await ImportFixture.Importer(city.DataSource).ImportAsync(new MemoryStream(bytes), "killed.csv", ImportMapping.Open311, new Actor("admin", "admin"));

        Assert.Equal((3000L, (long)AppealImporter.BatchSize), (again.Inserted, again.Skipped));
        Assert.Equal(total, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM appeals") - before);
        Assert.Equal(0, await ImportRuns.MarkInterruptedAsync(city.DataSource, CancellationToken.None));
        Assert.Equal(("admin", "admin"), await check.QuerySingleAsync<(string, string)>(
            "SELECT actor, actor_role FROM audit_log WHERE action = 'import' AND subject_id = @id", new { id = again.RunId.ToString(CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public async Task RunOfALiveProcess_IsNotMarkedInterrupted()
    {
        await using var conn = await city.DataSource.OpenConnectionAsync();
        var id = await conn.ExecuteScalarAsync<long>("""
            INSERT INTO import_runs (source, file_name, preset, imported_by, backend_pid, backend_start)
            SELECT 'live', 'running.csv', 'ours', 'admin', pid, backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid()
            RETURNING id
            """);

        await ImportRuns.MarkInterruptedAsync(city.DataSource, CancellationToken.None);

        Assert.Null(await conn.ExecuteScalarAsync<string>("SELECT coalesce(error, finished_at::text) FROM import_runs WHERE id = @id", new { id }));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(120);
        while (!await condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline) throw new TimeoutException("condition not met in 120 s");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// A file whose bytes after <paramref name="hold"/> come only once <see cref="Open"/> is called, in the reading that
    /// imports: the encoding check reads the whole file first (rewinding to the start twice), freely.
    /// </summary>
    private sealed class GateStream(byte[] data, int hold) : Stream
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _rewinds;
        private long _position;

        public void Open() => _open.TrySetResult();

        public override long Position
        {
            get => _position;
            set
            {
                if (value <= 3) _rewinds++;
                _position = value;
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            var end = data.Length;
            if (_rewinds >= 3)
            {
                if (_position >= hold) await _open.Task.WaitAsync(ct);
                else end = hold;
            }
            var n = (int)Math.Max(0, Math.Min(buffer.Length, end - _position));
            data.AsMemory((int)_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => data.Length + offset };
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
