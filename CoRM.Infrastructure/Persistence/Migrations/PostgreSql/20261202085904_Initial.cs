using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CoRM.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActionTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AsksTarget = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Cost = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UserConstituentId = table.Column<int>(type: "integer", nullable: true),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    RecordType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RecordId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SubjectConstituentId = table.Column<int>(type: "integer", nullable: true),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RemoteAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReviewIntervalDays = table.Column<int>(type: "integer", nullable: false),
                    NoteRetentionDays = table.Column<int>(type: "integer", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Constituents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    SortName = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    SearchName = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Region = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    StudentNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DoNotContact = table.Column<bool>(type: "boolean", nullable: false),
                    EmailOptOut = table.Column<bool>(type: "boolean", nullable: false),
                    PostOptOut = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    ErasedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    MergedIntoId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Constituents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Constituents_Constituents_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngagementLevels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MinScore = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementLevels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Funds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Restricted = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Funds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DedupKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecipientConstituentId = table.Column<int>(type: "integer", nullable: true),
                    ToAddress = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ToName = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "text", nullable: false),
                    HtmlBody = table.Column<string>(type: "text", nullable: true),
                    AttachmentRef = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StartedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Report = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Removed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskModelRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrainedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Examples = table.Column<int>(type: "integer", nullable: false),
                    Dropouts = table.Column<int>(type: "integer", nullable: false),
                    CrossValidatedAuc = table.Column<double>(type: "double precision", nullable: false),
                    CrossValidatedAucStdDev = table.Column<double>(type: "double precision", nullable: false),
                    RulesAuc = table.Column<double>(type: "double precision", nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TemporalAuc = table.Column<double>(type: "double precision", nullable: true),
                    TemporalBoostedAuc = table.Column<double>(type: "double precision", nullable: true),
                    TemporalRulesAuc = table.Column<double>(type: "double precision", nullable: true),
                    TemporalSplit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskModelRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedImportMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Importer = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Columns = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedImportMappings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Segments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RulesJson = table.Column<string>(type: "text", nullable: false),
                    ReadyMade = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Segments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Terms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EnrolmentDeadline = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Terms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseOutcomes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseTypeId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Resolves = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseOutcomes_CaseTypes_CaseTypeId",
                        column: x => x.CaseTypeId,
                        principalTable: "CaseTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CasePlanTemplateItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseTypeId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueAfterDays = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CasePlanTemplateItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CasePlanTemplateItem_CaseTypes_CaseTypeId",
                        column: x => x.CaseTypeId,
                        principalTable: "CaseTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Addresses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Region = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Country = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IsPrimary = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Addresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Addresses_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CalendarFeeds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    FirstUsedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarFeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarFeeds_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Given = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    How = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Wording = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedById = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_Constituents_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConstituentFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Visibility = table.Column<int>(type: "integer", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RaisedById = table.Column<int>(type: "integer", nullable: true),
                    RemovedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    RemovedById = table.Column<int>(type: "integer", nullable: true),
                    RemovalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConstituentFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConstituentFlags_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConstituentFlags_Constituents_RaisedById",
                        column: x => x.RaisedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConstituentFlags_Constituents_RemovedById",
                        column: x => x.RemovedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Label = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IsPrimary = table.Column<bool>(type: "boolean", nullable: false),
                    DialKey = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactPoints_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DonorScores",
                columns: table => new
                {
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    FirstGiftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastGiftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LifetimeTotal = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    LargestGift = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    WindowGifts = table.Column<int>(type: "integer", nullable: false),
                    WindowTotal = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    Recency = table.Column<int>(type: "integer", nullable: false),
                    Frequency = table.Column<int>(type: "integer", nullable: false),
                    Monetary = table.Column<int>(type: "integer", nullable: false),
                    ComputedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DonorScores", x => x.ConstituentId);
                    table.ForeignKey(
                        name: "FK_DonorScores_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DuplicateCandidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FirstId = table.Column<int>(type: "integer", nullable: false),
                    SecondId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    FoundAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReviewedById = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuplicateCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DuplicateCandidates_Constituents_FirstId",
                        column: x => x.FirstId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DuplicateCandidates_Constituents_SecondId",
                        column: x => x.SecondId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EngagementWeights",
                columns: table => new
                {
                    Measure = table.Column<int>(type: "integer", nullable: false),
                    Points = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    Cap = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ChangedById = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementWeights", x => x.Measure);
                    table.ForeignKey(
                        name: "FK_EngagementWeights_Constituents_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EventSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(180)", maxLength: 180, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EveryDays = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventSeries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventSeries_Constituents_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    AnsweredById = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyRequests_Constituents_ChildId",
                        column: x => x.ChildId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyRequests_Constituents_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Hats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Hats_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MergeRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurvivorId = table.Column<int>(type: "integer", nullable: false),
                    MergedId = table.Column<int>(type: "integer", nullable: false),
                    MergedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    MergedById = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    BeforeImage = table.Column<string>(type: "text", nullable: false),
                    UndoneAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    UndoneById = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergeRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MergeRecords_Constituents_MergedId",
                        column: x => x.MergedId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MergeRecords_Constituents_SurvivorId",
                        column: x => x.SurvivorId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Opportunities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Skills = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CoordinatorId = table.Column<int>(type: "integer", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opportunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Opportunities_Constituents_CoordinatorId",
                        column: x => x.CoordinatorId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PortalUsers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExternalObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Roles = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PersonaDescription = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    LastSignInAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalUsers_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PrivacyRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    HandlerId = table.Column<int>(type: "integer", nullable: true),
                    ErasureRequestedById = table.Column<int>(type: "integer", nullable: true),
                    ErasureRequestedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ApprovedById = table.Column<int>(type: "integer", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RemindedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivacyRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrivacyRequests_Constituents_ApprovedById",
                        column: x => x.ApprovedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrivacyRequests_Constituents_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrivacyRequests_Constituents_ErasureRequestedById",
                        column: x => x.ErasureRequestedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrivacyRequests_Constituents_HandlerId",
                        column: x => x.HandlerId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PrivacyRequests_Constituents_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Receipts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SeriesYear = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    DonorId = table.Column<int>(type: "integer", nullable: false),
                    TaxYear = table.Column<int>(type: "integer", nullable: false),
                    DonorName = table.Column<string>(type: "character varying(210)", maxLength: 210, nullable: false),
                    DonorAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Deductible = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    IssuedById = table.Column<int>(type: "integer", nullable: true),
                    ReplacesId = table.Column<int>(type: "integer", nullable: true),
                    VoidedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    VoidReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Receipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Receipts_Constituents_DonorId",
                        column: x => x.DonorId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Receipts_Receipts_ReplacesId",
                        column: x => x.ReplacesId,
                        principalTable: "Receipts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Relationships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    RelatedId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Grants = table.Column<int>(type: "integer", nullable: false),
                    ConsentBasis = table.Column<int>(type: "integer", nullable: false),
                    ConsentGivenById = table.Column<int>(type: "integer", nullable: true),
                    ConsentRecordedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ConsentExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Relationships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Relationships_Constituents_RelatedId",
                        column: x => x.RelatedId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Relationships_Constituents_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRules",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ChangedById = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRules", x => x.Kind);
                    table.ForeignKey(
                        name: "FK_RetentionRules_Constituents_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StudentId = table.Column<int>(type: "integer", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Band = table.Column<int>(type: "integer", nullable: false),
                    Factors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_Constituents_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerProfiles",
                columns: table => new
                {
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Skills = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Availability = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerProfiles", x => x.ConstituentId);
                    table.ForeignKey(
                        name: "FK_VolunteerProfiles_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EngagementLevelChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    FromLevelId = table.Column<int>(type: "integer", nullable: true),
                    ToLevelId = table.Column<int>(type: "integer", nullable: true),
                    FromScore = table.Column<int>(type: "integer", nullable: false),
                    ToScore = table.Column<int>(type: "integer", nullable: false),
                    Up = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementLevelChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementLevelChanges_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EngagementLevelChanges_EngagementLevels_FromLevelId",
                        column: x => x.FromLevelId,
                        principalTable: "EngagementLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementLevelChanges_EngagementLevels_ToLevelId",
                        column: x => x.ToLevelId,
                        principalTable: "EngagementLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EngagementScores",
                columns: table => new
                {
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    LevelId = table.Column<int>(type: "integer", nullable: true),
                    LevelSince = table.Column<DateOnly>(type: "date", nullable: false),
                    Gifts = table.Column<int>(type: "integer", nullable: false),
                    DaysSinceLastGift = table.Column<int>(type: "integer", nullable: true),
                    VolunteerHours = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    EventsAttended = table.Column<int>(type: "integer", nullable: false),
                    Actions = table.Column<int>(type: "integer", nullable: false),
                    CasesResolved = table.Column<int>(type: "integer", nullable: false),
                    ComputedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementScores", x => x.ConstituentId);
                    table.ForeignKey(
                        name: "FK_EngagementScores_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EngagementScores_EngagementLevels_LevelId",
                        column: x => x.LevelId,
                        principalTable: "EngagementLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Pledges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DonorId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    FundId = table.Column<int>(type: "integer", nullable: false),
                    AppealId = table.Column<int>(type: "integer", nullable: true),
                    PledgedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CancelledOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pledges_Appeals_AppealId",
                        column: x => x.AppealId,
                        principalTable: "Appeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Pledges_Constituents_DonorId",
                        column: x => x.DonorId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Pledges_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecurringGifts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DonorId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    FundId = table.Column<int>(type: "integer", nullable: false),
                    Frequency = table.Column<int>(type: "integer", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecurringGifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecurringGifts_Constituents_DonorId",
                        column: x => x.DonorId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecurringGifts_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Courses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: true),
                    Credits = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Courses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Courses_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AppealCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AppealId = table.Column<int>(type: "integer", nullable: false),
                    SegmentId = table.Column<int>(type: "integer", nullable: false),
                    SubjectTemplate = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyTemplate = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    ScheduledFor = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ResponseWindowDays = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SnapshotAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CreatedById = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppealCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppealCampaigns_Appeals_AppealId",
                        column: x => x.AppealId,
                        principalTable: "Appeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AppealCampaigns_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EngagementRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SegmentId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DueAfterDays = table.Column<int>(type: "integer", nullable: false),
                    TagId = table.Column<int>(type: "integer", nullable: true),
                    PlanJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PeriodDays = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    ReadyMade = table.Column<bool>(type: "boolean", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: true),
                    LastRunAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementRules_Constituents_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementRules_Constituents_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementRules_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementRules_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeEnrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StudentId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    EnrolledOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeEnrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeEnrolments_Constituents_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeEnrolments_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgrammeEnrolments_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TuitionInvoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StudentId = table.Column<int>(type: "integer", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TuitionInvoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TuitionInvoices_Constituents_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TuitionInvoices_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseTypeId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReferralSource = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    OpenedById = table.Column<int>(type: "integer", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedById = table.Column<int>(type: "integer", nullable: true),
                    OutcomeId = table.Column<int>(type: "integer", nullable: true),
                    CloseReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_CaseOutcomes_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "CaseOutcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_CaseTypes_CaseTypeId",
                        column: x => x.CaseTypeId,
                        principalTable: "CaseTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Constituents_ClosedById",
                        column: x => x.ClosedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Constituents_OpenedById",
                        column: x => x.OpenedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GivingEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    TicketPrice = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    FairMarketValue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    FundId = table.Column<int>(type: "integer", nullable: false),
                    SeriesId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GivingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GivingEvents_EventSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "EventSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GivingEvents_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Shifts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OpportunityId = table.Column<int>(type: "integer", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    MinimumStaffing = table.Column<int>(type: "integer", nullable: false),
                    RequiredSkills = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SeriesId = table.Column<int>(type: "integer", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shifts_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParentInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParentId = table.Column<int>(type: "integer", nullable: false),
                    SentToEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RedeemedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    RedeemedByPortalUserId = table.Column<int>(type: "integer", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParentInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParentInvitations_Constituents_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ParentInvitations_PortalUsers_RedeemedByPortalUserId",
                        column: x => x.RedeemedByPortalUserId,
                        principalTable: "PortalUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubjectAccessExports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    RequestedById = table.Column<int>(type: "integer", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ReadyAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Content = table.Column<byte[]>(type: "bytea", nullable: true),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    DownloadedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DownloadedById = table.Column<int>(type: "integer", nullable: true),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectAccessExports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectAccessExports_Constituents_DownloadedById",
                        column: x => x.DownloadedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubjectAccessExports_Constituents_RequestedById",
                        column: x => x.RequestedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubjectAccessExports_Constituents_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SubjectAccessExports_PrivacyRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "PrivacyRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskAlerts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StudentId = table.Column<int>(type: "integer", nullable: false),
                    AssessmentId = table.Column<long>(type: "bigint", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FromBand = table.Column<int>(type: "integer", nullable: false),
                    ToBand = table.Column<int>(type: "integer", nullable: false),
                    AssignedToId = table.Column<int>(type: "integer", nullable: true),
                    FollowUpId = table.Column<int>(type: "integer", nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAlerts_Constituents_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskAlerts_RiskAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "RiskAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PledgeInstalments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PledgeId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    ReminderFollowUpId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeInstalments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PledgeInstalments_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Gifts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DonorId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FundId = table.Column<int>(type: "integer", nullable: false),
                    AppealId = table.Column<int>(type: "integer", nullable: true),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    BenefitValue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    DeductibleAmount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PledgeId = table.Column<int>(type: "integer", nullable: true),
                    RecurringGiftId = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RecordedById = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Gifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Gifts_Appeals_AppealId",
                        column: x => x.AppealId,
                        principalTable: "Appeals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Gifts_Constituents_DonorId",
                        column: x => x.DonorId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Gifts_Funds_FundId",
                        column: x => x.FundId,
                        principalTable: "Funds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Gifts_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Gifts_RecurringGifts_RecurringGiftId",
                        column: x => x.RecurringGiftId,
                        principalTable: "RecurringGifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AttendanceRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StudentId = table.Column<int>(type: "integer", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    Absences = table.Column<int>(type: "integer", nullable: false),
                    SessionsHeld = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendanceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AttendanceRecords_Constituents_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AttendanceRecords_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AttendanceRecords_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CourseResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StudentId = table.Column<int>(type: "integer", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: true),
                    Passed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseResults_Constituents_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CourseResults_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CourseResults_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CampaignRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    MailingAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LetterBody = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: true),
                    OptOutCode = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignRecipients_AppealCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AppealCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CampaignRecipients_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonTags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TagId = table.Column<int>(type: "integer", nullable: false),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    TaggedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    TaggedById = table.Column<int>(type: "integer", nullable: true),
                    RuleId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonTags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonTags_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PersonTags_Constituents_TaggedById",
                        column: x => x.TaggedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonTags_EngagementRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "EngagementRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PersonTags_Tags_TagId",
                        column: x => x.TagId,
                        principalTable: "Tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RuleFirings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RuleId = table.Column<int>(type: "integer", nullable: false),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    FiredAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleFirings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RuleFirings_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RuleFirings_EngagementRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "EngagementRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdmissionApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicantId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    StartedById = table.Column<int>(type: "integer", nullable: true),
                    GuardianId = table.Column<int>(type: "integer", nullable: true),
                    GuardianName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GuardianEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    CounsellorId = table.Column<int>(type: "integer", nullable: true),
                    TranscriptReceived = table.Column<bool>(type: "boolean", nullable: false),
                    StatementReceived = table.Column<bool>(type: "boolean", nullable: false),
                    RecommendationReceived = table.Column<bool>(type: "boolean", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Decision = table.Column<int>(type: "integer", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DecidedById = table.Column<int>(type: "integer", nullable: true),
                    DepositInvoiceId = table.Column<int>(type: "integer", nullable: true),
                    DepositAmount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    DepositDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DepositPaidAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    EnrolledAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    IncompleteReminderAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    DepositReminderAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdmissionApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdmissionApplications_Constituents_ApplicantId",
                        column: x => x.ApplicantId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AdmissionApplications_Constituents_CounsellorId",
                        column: x => x.CounsellorId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdmissionApplications_Constituents_GuardianId",
                        column: x => x.GuardianId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdmissionApplications_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdmissionApplications_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdmissionApplications_TuitionInvoices_DepositInvoiceId",
                        column: x => x.DepositInvoiceId,
                        principalTable: "TuitionInvoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TuitionPayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TuitionPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TuitionPayments_TuitionInvoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "TuitionInvoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseAccessGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAccessGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAccessGrants_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseAccessGrants_Constituents_UserId",
                        column: x => x.UserId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseClients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    IsPrimary = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseClients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseClients_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseClients_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TargetOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseGoals_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CompletedById = table.Column<int>(type: "integer", nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LeadRemindedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReviews_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseReviews_Constituents_CompletedById",
                        column: x => x.CompletedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseTeamMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    MemberId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<int>(type: "integer", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTeamMembers_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseTeamMembers_Constituents_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CaseId = table.Column<int>(type: "integer", nullable: true),
                    LeadRemindedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUps_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUps_Constituents_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Interactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Topic = table.Column<int>(type: "integer", nullable: false),
                    Inbound = table.Column<bool>(type: "boolean", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedById = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CaseId = table.Column<int>(type: "integer", nullable: true),
                    Sensitivity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interactions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interactions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Interactions_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    ActionTypeId = table.Column<int>(type: "integer", nullable: false),
                    TookOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    EventId = table.Column<int>(type: "integer", nullable: true),
                    Target = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedById = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actions_ActionTypes_ActionTypeId",
                        column: x => x.ActionTypeId,
                        principalTable: "ActionTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_AppealCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AppealCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Actions_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Actions_Constituents_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_GivingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "GivingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PublicForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FieldsJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ConsentWording = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ConsentPurpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ActionTypeId = table.Column<int>(type: "integer", nullable: true),
                    EventId = table.Column<int>(type: "integer", nullable: true),
                    SeriesId = table.Column<int>(type: "integer", nullable: true),
                    IsOpen = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedById = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicForms_ActionTypes_ActionTypeId",
                        column: x => x.ActionTypeId,
                        principalTable: "ActionTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicForms_Constituents_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicForms_EventSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "EventSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicForms_GivingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "GivingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SignUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ShiftId = table.Column<int>(type: "integer", nullable: false),
                    VolunteerId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SignedUpAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignUps_Constituents_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SignUps_Shifts_ShiftId",
                        column: x => x.ShiftId,
                        principalTable: "Shifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Tickets = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Waitlisted = table.Column<bool>(type: "boolean", nullable: false),
                    GiftId = table.Column<int>(type: "integer", nullable: true),
                    Attended = table.Column<bool>(type: "boolean", nullable: true),
                    CancelledAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    CancelledById = table.Column<int>(type: "integer", nullable: true),
                    RefundedAmount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_Gifts_GiftId",
                        column: x => x.GiftId,
                        principalTable: "Gifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EventRegistrations_GivingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "GivingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReceiptLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceiptId = table.Column<int>(type: "integer", nullable: false),
                    GiftId = table.Column<int>(type: "integer", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    BenefitValue = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Deductible = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Voided = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReceiptLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReceiptLines_Gifts_GiftId",
                        column: x => x.GiftId,
                        principalTable: "Gifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReceiptLines_Receipts_ReceiptId",
                        column: x => x.ReceiptId,
                        principalTable: "Receipts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SoftCredits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GiftId = table.Column<int>(type: "integer", nullable: false),
                    ConstituentId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SoftCredits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SoftCredits_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SoftCredits_Gifts_GiftId",
                        column: x => x.GiftId,
                        principalTable: "Gifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    ReaderId = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Recommendation = table.Column<int>(type: "integer", nullable: false),
                    Comments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WeightedScore = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationReviews_AdmissionApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "AdmissionApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApplicationReviews_Constituents_ReaderId",
                        column: x => x.ReaderId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InformationRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProspectId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: true),
                    TermId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ApplicationId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformationRequests_AdmissionApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "AdmissionApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Constituents_ProspectId",
                        column: x => x.ProspectId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InformationRequests_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LapsedDonorReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DonorId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    LastYearTotal = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    FollowUpId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LapsedDonorReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LapsedDonorReminders_Constituents_DonorId",
                        column: x => x.DonorId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LapsedDonorReminders_FollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "FollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MissedInstalments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecurringGiftId = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FlaggedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    FollowUpId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissedInstalments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissedInstalments_FollowUps_FollowUpId",
                        column: x => x.FollowUpId,
                        principalTable: "FollowUps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MissedInstalments_RecurringGifts_RecurringGiftId",
                        column: x => x.RecurringGiftId,
                        principalTable: "RecurringGifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    ConstituentId = table.Column<int>(type: "integer", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Match = table.Column<int>(type: "integer", nullable: false),
                    EmailKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PendingDetails = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConfirmationTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormSubmissions_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormSubmissions_PublicForms_FormId",
                        column: x => x.FormId,
                        principalTable: "PublicForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewId = table.Column<int>(type: "integer", nullable: false),
                    Criterion = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(4,2)", precision: 4, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewScores_ApplicationReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ApplicationReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ActionTypes",
                columns: new[] { "Id", "AsksTarget", "Category", "Description", "IsActive", "Name", "Version" },
                values: new object[,]
                {
                    { 1, false, 0, null, true, "Signed a petition", new Guid("00000000-0000-0000-0001-000000000001") },
                    { 2, true, 0, null, true, "Wrote to an elected official", new Guid("00000000-0000-0000-0001-000000000002") },
                    { 3, true, 0, null, true, "Called a radio show", new Guid("00000000-0000-0000-0001-000000000003") },
                    { 4, true, 0, null, true, "Visited a representative", new Guid("00000000-0000-0000-0001-000000000004") },
                    { 5, false, 1, null, true, "Attended a programme session", new Guid("00000000-0000-0000-0001-000000000005") },
                    { 6, false, 2, null, true, "Completed a course", new Guid("00000000-0000-0000-0001-000000000006") },
                    { 7, false, 3, null, true, "Visited a shut-in", new Guid("00000000-0000-0000-0001-000000000007") },
                    { 8, false, 3, null, true, "Mentored", new Guid("00000000-0000-0000-0001-000000000008") }
                });

            migrationBuilder.InsertData(
                table: "EngagementLevels",
                columns: new[] { "Id", "MinScore", "Name", "Version" },
                values: new object[,]
                {
                    { 1, 1, "Aware", new Guid("00000000-0000-0000-0003-000000000001") },
                    { 2, 15, "Supporter", new Guid("00000000-0000-0000-0003-000000000002") },
                    { 3, 40, "Active", new Guid("00000000-0000-0000-0003-000000000003") },
                    { 4, 80, "Leader", new Guid("00000000-0000-0000-0003-000000000004") }
                });

            migrationBuilder.InsertData(
                table: "EngagementWeights",
                columns: new[] { "Measure", "Cap", "ChangedAt", "ChangedById", "Points", "Version" },
                values: new object[,]
                {
                    { 0, 5, null, null, 6m, new Guid("00000000-0000-0000-0002-000000000001") },
                    { 1, 1, null, null, 10m, new Guid("00000000-0000-0000-0002-000000000002") },
                    { 2, 40, null, null, 1m, new Guid("00000000-0000-0000-0002-000000000003") },
                    { 3, 6, null, null, 5m, new Guid("00000000-0000-0000-0002-000000000004") },
                    { 4, 10, null, null, 4m, new Guid("00000000-0000-0000-0002-000000000005") },
                    { 5, 2, null, null, 0m, new Guid("00000000-0000-0000-0002-000000000006") }
                });

            migrationBuilder.InsertData(
                table: "RetentionRules",
                columns: new[] { "Kind", "ChangedAt", "ChangedById", "Days", "Version" },
                values: new object[,]
                {
                    { 0, null, null, 90, new Guid("00000000-0000-0000-0000-000000000001") },
                    { 1, null, null, 2555, new Guid("00000000-0000-0000-0000-000000000002") },
                    { 2, null, null, 730, new Guid("00000000-0000-0000-0000-000000000003") },
                    { 3, null, null, 2190, new Guid("00000000-0000-0000-0000-000000000004") },
                    { 4, null, null, 30, new Guid("00000000-0000-0000-0000-000000000005") }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ActionTypeId_TookOn",
                table: "Actions",
                columns: new[] { "ActionTypeId", "TookOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_CampaignId",
                table: "Actions",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ConstituentId_TookOn",
                table: "Actions",
                columns: new[] { "ConstituentId", "TookOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_EventId",
                table: "Actions",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_RecordedById",
                table: "Actions",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_TookOn",
                table: "Actions",
                column: "TookOn");

            migrationBuilder.CreateIndex(
                name: "IX_ActionTypes_Name",
                table: "ActionTypes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Addresses_ConstituentId",
                table: "Addresses",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplications_ApplicantId",
                table: "AdmissionApplications",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplications_CounsellorId",
                table: "AdmissionApplications",
                column: "CounsellorId");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplications_DepositInvoiceId",
                table: "AdmissionApplications",
                column: "DepositInvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplications_GuardianId",
                table: "AdmissionApplications",
                column: "GuardianId");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplications_ProgrammeId",
                table: "AdmissionApplications",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplications_Stage_StartedAt",
                table: "AdmissionApplications",
                columns: new[] { "Stage", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AdmissionApplications_TermId_Stage_ProgrammeId",
                table: "AdmissionApplications",
                columns: new[] { "TermId", "Stage", "ProgrammeId" });

            migrationBuilder.CreateIndex(
                name: "IX_AppealCampaigns_AppealId",
                table: "AppealCampaigns",
                column: "AppealId");

            migrationBuilder.CreateIndex(
                name: "IX_AppealCampaigns_SegmentId",
                table: "AppealCampaigns",
                column: "SegmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AppealCampaigns_Status_ScheduledFor",
                table: "AppealCampaigns",
                columns: new[] { "Status", "ScheduledFor" });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Code",
                table: "Appeals",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationReviews_ApplicationId_ReaderId",
                table: "ApplicationReviews",
                columns: new[] { "ApplicationId", "ReaderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationReviews_ReaderId",
                table: "ApplicationReviews",
                column: "ReaderId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceRecords_CourseId",
                table: "AttendanceRecords",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceRecords_StudentId_TermId_CourseId",
                table: "AttendanceRecords",
                columns: new[] { "StudentId", "TermId", "CourseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttendanceRecords_TermId",
                table: "AttendanceRecords",
                column: "TermId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RecordType_RecordId",
                table: "AuditEntries",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_SubjectConstituentId_At",
                table: "AuditEntries",
                columns: new[] { "SubjectConstituentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_ConstituentId_RevokedAt",
                table: "CalendarFeeds",
                columns: new[] { "ConstituentId", "RevokedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarFeeds_Key",
                table: "CalendarFeeds",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_CampaignId_ConstituentId",
                table: "CampaignRecipients",
                columns: new[] { "CampaignId", "ConstituentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_CampaignId_Status_Id",
                table: "CampaignRecipients",
                columns: new[] { "CampaignId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_ConstituentId",
                table: "CampaignRecipients",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignRecipients_OptOutCode",
                table: "CampaignRecipients",
                column: "OptOutCode",
                unique: true,
                filter: "\"OptOutCode\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAccessGrants_CaseId",
                table: "CaseAccessGrants",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAccessGrants_UserId_ExpiresAt",
                table: "CaseAccessGrants",
                columns: new[] { "UserId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseClients_CaseId",
                table: "CaseClients",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseClients_ConstituentId_CaseId",
                table: "CaseClients",
                columns: new[] { "ConstituentId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseGoals_CaseId",
                table: "CaseGoals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseOutcomes_CaseTypeId",
                table: "CaseOutcomes",
                column: "CaseTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_CasePlanTemplateItem_CaseTypeId",
                table: "CasePlanTemplateItem",
                column: "CaseTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviews_CaseId",
                table: "CaseReviews",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviews_CompletedAt_DueOn",
                table: "CaseReviews",
                columns: new[] { "CompletedAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviews_CompletedById",
                table: "CaseReviews",
                column: "CompletedById");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CaseTypeId_OpenedOn",
                table: "Cases",
                columns: new[] { "CaseTypeId", "OpenedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ClosedById",
                table: "Cases",
                column: "ClosedById");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ClosedOn",
                table: "Cases",
                column: "ClosedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenedById",
                table: "Cases",
                column: "OpenedById");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OutcomeId",
                table: "Cases",
                column: "OutcomeId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_NextReviewOn",
                table: "Cases",
                columns: new[] { "Status", "NextReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTeamMembers_CaseId",
                table: "CaseTeamMembers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTeamMembers_MemberId_RemovedAt_CaseId",
                table: "CaseTeamMembers",
                columns: new[] { "MemberId", "RemovedAt", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTypes_Name",
                table: "CaseTypes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_ConstituentId_At",
                table: "ConsentRecords",
                columns: new[] { "ConstituentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_RecordedById",
                table: "ConsentRecords",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_ConstituentFlags_ConstituentId_RemovedAt",
                table: "ConstituentFlags",
                columns: new[] { "ConstituentId", "RemovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConstituentFlags_RaisedById",
                table: "ConstituentFlags",
                column: "RaisedById");

            migrationBuilder.CreateIndex(
                name: "IX_ConstituentFlags_RemovedById",
                table: "ConstituentFlags",
                column: "RemovedById");

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_BirthDate",
                table: "Constituents",
                column: "BirthDate");

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_Email",
                table: "Constituents",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_ExternalId",
                table: "Constituents",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_MergedIntoId",
                table: "Constituents",
                column: "MergedIntoId",
                filter: "\"MergedIntoId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_SearchName",
                table: "Constituents",
                column: "SearchName");

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_SortName",
                table: "Constituents",
                column: "SortName");

            migrationBuilder.CreateIndex(
                name: "IX_Constituents_StudentNumber",
                table: "Constituents",
                column: "StudentNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactPoints_ConstituentId",
                table: "ContactPoints",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactPoints_DialKey",
                table: "ContactPoints",
                column: "DialKey");

            migrationBuilder.CreateIndex(
                name: "IX_CourseResults_CourseId",
                table: "CourseResults",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseResults_StudentId_TermId_CourseId",
                table: "CourseResults",
                columns: new[] { "StudentId", "TermId", "CourseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CourseResults_TermId",
                table: "CourseResults",
                column: "TermId");

            migrationBuilder.CreateIndex(
                name: "IX_Courses_Code",
                table: "Courses",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Courses_ProgrammeId",
                table: "Courses",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_DonorScores_LastGiftOn",
                table: "DonorScores",
                column: "LastGiftOn");

            migrationBuilder.CreateIndex(
                name: "IX_DonorScores_Recency_Frequency_Monetary",
                table: "DonorScores",
                columns: new[] { "Recency", "Frequency", "Monetary" });

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCandidates_FirstId_SecondId",
                table: "DuplicateCandidates",
                columns: new[] { "FirstId", "SecondId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCandidates_SecondId",
                table: "DuplicateCandidates",
                column: "SecondId");

            migrationBuilder.CreateIndex(
                name: "IX_DuplicateCandidates_Status_Score",
                table: "DuplicateCandidates",
                columns: new[] { "Status", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevelChanges_ChangedOn",
                table: "EngagementLevelChanges",
                column: "ChangedOn");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevelChanges_ConstituentId_ChangedOn",
                table: "EngagementLevelChanges",
                columns: new[] { "ConstituentId", "ChangedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevelChanges_FromLevelId",
                table: "EngagementLevelChanges",
                column: "FromLevelId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevelChanges_ToLevelId",
                table: "EngagementLevelChanges",
                column: "ToLevelId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevels_MinScore",
                table: "EngagementLevels",
                column: "MinScore",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevels_Name",
                table: "EngagementLevels",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngagementRules_CreatedById",
                table: "EngagementRules",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementRules_OwnerId",
                table: "EngagementRules",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementRules_SegmentId",
                table: "EngagementRules",
                column: "SegmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementRules_TagId",
                table: "EngagementRules",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementScores_LevelId",
                table: "EngagementScores",
                column: "LevelId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementScores_Score",
                table: "EngagementScores",
                column: "Score");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementWeights_ChangedById",
                table: "EngagementWeights",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_ConstituentId",
                table: "EventRegistrations",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventId_ConstituentId",
                table: "EventRegistrations",
                columns: new[] { "EventId", "ConstituentId" },
                unique: true,
                filter: "\"CancelledAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_GiftId",
                table: "EventRegistrations",
                column: "GiftId");

            migrationBuilder.CreateIndex(
                name: "IX_EventSeries_CreatedById",
                table: "EventSeries",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyRequests_AnsweredAt_SentAt",
                table: "FamilyRequests",
                columns: new[] { "AnsweredAt", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyRequests_ChildId",
                table: "FamilyRequests",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyRequests_ParentId_ChildId_SentAt",
                table: "FamilyRequests",
                columns: new[] { "ParentId", "ChildId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_CaseId_CompletedAt",
                table: "FollowUps",
                columns: new[] { "CaseId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_ConstituentId_CompletedAt",
                table: "FollowUps",
                columns: new[] { "ConstituentId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OwnerId_CompletedAt_DueOn",
                table: "FollowUps",
                columns: new[] { "OwnerId", "CompletedAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_ConfirmationTokenHash",
                table: "FormSubmissions",
                column: "ConfirmationTokenHash",
                unique: true,
                filter: "\"ConfirmationTokenHash\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_ConstituentId",
                table: "FormSubmissions",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_EmailKey_SubmittedAt",
                table: "FormSubmissions",
                columns: new[] { "EmailKey", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_FormId_SubmittedAt",
                table: "FormSubmissions",
                columns: new[] { "FormId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Funds_Code",
                table: "Funds",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_AppealId_ReceivedOn",
                table: "Gifts",
                columns: new[] { "AppealId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_DonorId_ReceivedOn",
                table: "Gifts",
                columns: new[] { "DonorId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_FundId",
                table: "Gifts",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_PledgeId",
                table: "Gifts",
                column: "PledgeId");

            migrationBuilder.CreateIndex(
                name: "IX_Gifts_RecurringGiftId_ReceivedOn",
                table: "Gifts",
                columns: new[] { "RecurringGiftId", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_GivingEvents_FundId",
                table: "GivingEvents",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_GivingEvents_SeriesId",
                table: "GivingEvents",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_GivingEvents_StartsAt",
                table: "GivingEvents",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_Hats_ConstituentId_Kind",
                table: "Hats",
                columns: new[] { "ConstituentId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Hats_Kind_EndDate",
                table: "Hats",
                columns: new[] { "Kind", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ApplicationId",
                table: "InformationRequests",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ProgrammeId",
                table: "InformationRequests",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_ProspectId",
                table: "InformationRequests",
                column: "ProspectId");

            migrationBuilder.CreateIndex(
                name: "IX_InformationRequests_TermId_ProgrammeId_ApplicationId",
                table: "InformationRequests",
                columns: new[] { "TermId", "ProgrammeId", "ApplicationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_CaseId_OccurredAt",
                table: "Interactions",
                columns: new[] { "CaseId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_ConstituentId_OccurredAt",
                table: "Interactions",
                columns: new[] { "ConstituentId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LapsedDonorReminders_DonorId_Year",
                table: "LapsedDonorReminders",
                columns: new[] { "DonorId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LapsedDonorReminders_FollowUpId",
                table: "LapsedDonorReminders",
                column: "FollowUpId");

            migrationBuilder.CreateIndex(
                name: "IX_MergeRecords_MergedId",
                table: "MergeRecords",
                column: "MergedId");

            migrationBuilder.CreateIndex(
                name: "IX_MergeRecords_SurvivorId",
                table: "MergeRecords",
                column: "SurvivorId");

            migrationBuilder.CreateIndex(
                name: "IX_MissedInstalments_FollowUpId",
                table: "MissedInstalments",
                column: "FollowUpId");

            migrationBuilder.CreateIndex(
                name: "IX_MissedInstalments_RecurringGiftId_DueOn",
                table: "MissedInstalments",
                columns: new[] { "RecurringGiftId", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_CoordinatorId",
                table: "Opportunities",
                column: "CoordinatorId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DedupKey",
                table: "OutboxMessages",
                column: "DedupKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_Id",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ParentInvitations_CodeHash",
                table: "ParentInvitations",
                column: "CodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ParentInvitations_ParentId_CreatedAt",
                table: "ParentInvitations",
                columns: new[] { "ParentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ParentInvitations_RedeemedByPortalUserId",
                table: "ParentInvitations",
                column: "RedeemedByPortalUserId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonTags_ConstituentId",
                table: "PersonTags",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonTags_RuleId",
                table: "PersonTags",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonTags_TaggedById",
                table: "PersonTags",
                column: "TaggedById");

            migrationBuilder.CreateIndex(
                name: "IX_PersonTags_TagId_ConstituentId",
                table: "PersonTags",
                columns: new[] { "TagId", "ConstituentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PledgeInstalments_DueOn",
                table: "PledgeInstalments",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_PledgeInstalments_PledgeId_Number",
                table: "PledgeInstalments",
                columns: new[] { "PledgeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_AppealId",
                table: "Pledges",
                column: "AppealId");

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_DonorId",
                table: "Pledges",
                column: "DonorId");

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_FundId",
                table: "Pledges",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalUsers_ConstituentId",
                table: "PortalUsers",
                column: "ConstituentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalUsers_Email",
                table: "PortalUsers",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalUsers_ExternalObjectId",
                table: "PortalUsers",
                column: "ExternalObjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyRequests_ApprovedById",
                table: "PrivacyRequests",
                column: "ApprovedById");

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyRequests_CreatedById",
                table: "PrivacyRequests",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyRequests_ErasureRequestedById",
                table: "PrivacyRequests",
                column: "ErasureRequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyRequests_HandlerId",
                table: "PrivacyRequests",
                column: "HandlerId");

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyRequests_Status_DueOn",
                table: "PrivacyRequests",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PrivacyRequests_SubjectId",
                table: "PrivacyRequests",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeEnrolments_ProgrammeId",
                table: "ProgrammeEnrolments",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeEnrolments_StudentId_TermId",
                table: "ProgrammeEnrolments",
                columns: new[] { "StudentId", "TermId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeEnrolments_TermId_ProgrammeId_Status",
                table: "ProgrammeEnrolments",
                columns: new[] { "TermId", "ProgrammeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_Code",
                table: "Programmes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_ActionTypeId",
                table: "PublicForms",
                column: "ActionTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_CreatedById",
                table: "PublicForms",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_EventId",
                table: "PublicForms",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_SeriesId",
                table: "PublicForms",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_Slug",
                table: "PublicForms",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReceiptLines_GiftId",
                table: "ReceiptLines",
                column: "GiftId",
                unique: true,
                filter: "\"Voided\" = false");

            migrationBuilder.CreateIndex(
                name: "IX_ReceiptLines_ReceiptId",
                table: "ReceiptLines",
                column: "ReceiptId");

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_DonorId_TaxYear",
                table: "Receipts",
                columns: new[] { "DonorId", "TaxYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_Number",
                table: "Receipts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_ReplacesId",
                table: "Receipts",
                column: "ReplacesId");

            migrationBuilder.CreateIndex(
                name: "IX_Receipts_SeriesYear_Sequence",
                table: "Receipts",
                columns: new[] { "SeriesYear", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecurringGifts_DonorId",
                table: "RecurringGifts",
                column: "DonorId");

            migrationBuilder.CreateIndex(
                name: "IX_RecurringGifts_FundId",
                table: "RecurringGifts",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_RelatedId_Kind",
                table: "Relationships",
                columns: new[] { "RelatedId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_SubjectId_Kind",
                table: "Relationships",
                columns: new[] { "SubjectId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRules_ChangedById",
                table: "RetentionRules",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_StartedAt",
                table: "RetentionRuns",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewScores_ReviewId_Criterion",
                table: "ReviewScores",
                columns: new[] { "ReviewId", "Criterion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskAlerts_AssessmentId",
                table: "RiskAlerts",
                column: "AssessmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskAlerts_ResolvedAt_RaisedOn",
                table: "RiskAlerts",
                columns: new[] { "ResolvedAt", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAlerts_StudentId",
                table: "RiskAlerts",
                column: "StudentId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_AssessedOn_Band",
                table: "RiskAssessments",
                columns: new[] { "AssessedOn", "Band" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_StudentId_Method_AssessedOn",
                table: "RiskAssessments",
                columns: new[] { "StudentId", "Method", "AssessedOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskModelRuns_TrainedAt",
                table: "RiskModelRuns",
                column: "TrainedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RuleFirings_ConstituentId",
                table: "RuleFirings",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_RuleFirings_RuleId_ConstituentId_Period",
                table: "RuleFirings",
                columns: new[] { "RuleId", "ConstituentId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavedImportMappings_Importer_Source",
                table: "SavedImportMappings",
                columns: new[] { "Importer", "Source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Segments_Name",
                table: "Segments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_OpportunityId_StartsAt",
                table: "Shifts",
                columns: new[] { "OpportunityId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_StartsAt",
                table: "Shifts",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_ShiftId_Status",
                table: "SignUps",
                columns: new[] { "ShiftId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SignUps_VolunteerId_Status",
                table: "SignUps",
                columns: new[] { "VolunteerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SoftCredits_ConstituentId",
                table: "SoftCredits",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_SoftCredits_GiftId_ConstituentId",
                table: "SoftCredits",
                columns: new[] { "GiftId", "ConstituentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessExports_DownloadedById",
                table: "SubjectAccessExports",
                column: "DownloadedById");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessExports_RequestedById",
                table: "SubjectAccessExports",
                column: "RequestedById");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessExports_RequestId",
                table: "SubjectAccessExports",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessExports_SubjectId",
                table: "SubjectAccessExports",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Tags_Name",
                table: "Tags",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Terms_Code",
                table: "Terms",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Terms_StartsOn",
                table: "Terms",
                column: "StartsOn");

            migrationBuilder.CreateIndex(
                name: "IX_TuitionInvoices_Number",
                table: "TuitionInvoices",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TuitionInvoices_StudentId_DueOn",
                table: "TuitionInvoices",
                columns: new[] { "StudentId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TuitionInvoices_TermId",
                table: "TuitionInvoices",
                column: "TermId");

            migrationBuilder.CreateIndex(
                name: "IX_TuitionPayments_InvoiceId_PaidOn",
                table: "TuitionPayments",
                columns: new[] { "InvoiceId", "PaidOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "Addresses");

            migrationBuilder.DropTable(
                name: "AttendanceRecords");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CalendarFeeds");

            migrationBuilder.DropTable(
                name: "CampaignRecipients");

            migrationBuilder.DropTable(
                name: "CaseAccessGrants");

            migrationBuilder.DropTable(
                name: "CaseClients");

            migrationBuilder.DropTable(
                name: "CaseGoals");

            migrationBuilder.DropTable(
                name: "CasePlanTemplateItem");

            migrationBuilder.DropTable(
                name: "CaseReviews");

            migrationBuilder.DropTable(
                name: "CaseTeamMembers");

            migrationBuilder.DropTable(
                name: "ConsentRecords");

            migrationBuilder.DropTable(
                name: "ConstituentFlags");

            migrationBuilder.DropTable(
                name: "ContactPoints");

            migrationBuilder.DropTable(
                name: "CourseResults");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DonorScores");

            migrationBuilder.DropTable(
                name: "DuplicateCandidates");

            migrationBuilder.DropTable(
                name: "EngagementLevelChanges");

            migrationBuilder.DropTable(
                name: "EngagementScores");

            migrationBuilder.DropTable(
                name: "EngagementWeights");

            migrationBuilder.DropTable(
                name: "EventRegistrations");

            migrationBuilder.DropTable(
                name: "FamilyRequests");

            migrationBuilder.DropTable(
                name: "FormSubmissions");

            migrationBuilder.DropTable(
                name: "Hats");

            migrationBuilder.DropTable(
                name: "InformationRequests");

            migrationBuilder.DropTable(
                name: "Interactions");

            migrationBuilder.DropTable(
                name: "LapsedDonorReminders");

            migrationBuilder.DropTable(
                name: "MergeRecords");

            migrationBuilder.DropTable(
                name: "MissedInstalments");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ParentInvitations");

            migrationBuilder.DropTable(
                name: "PersonTags");

            migrationBuilder.DropTable(
                name: "PledgeInstalments");

            migrationBuilder.DropTable(
                name: "ProgrammeEnrolments");

            migrationBuilder.DropTable(
                name: "ReceiptLines");

            migrationBuilder.DropTable(
                name: "Relationships");

            migrationBuilder.DropTable(
                name: "RetentionRules");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropTable(
                name: "ReviewScores");

            migrationBuilder.DropTable(
                name: "RiskAlerts");

            migrationBuilder.DropTable(
                name: "RiskModelRuns");

            migrationBuilder.DropTable(
                name: "RuleFirings");

            migrationBuilder.DropTable(
                name: "SavedImportMappings");

            migrationBuilder.DropTable(
                name: "SignUps");

            migrationBuilder.DropTable(
                name: "SoftCredits");

            migrationBuilder.DropTable(
                name: "SubjectAccessExports");

            migrationBuilder.DropTable(
                name: "TuitionPayments");

            migrationBuilder.DropTable(
                name: "VolunteerProfiles");

            migrationBuilder.DropTable(
                name: "AppealCampaigns");

            migrationBuilder.DropTable(
                name: "Courses");

            migrationBuilder.DropTable(
                name: "EngagementLevels");

            migrationBuilder.DropTable(
                name: "PublicForms");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "PortalUsers");

            migrationBuilder.DropTable(
                name: "Receipts");

            migrationBuilder.DropTable(
                name: "ApplicationReviews");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropTable(
                name: "EngagementRules");

            migrationBuilder.DropTable(
                name: "Shifts");

            migrationBuilder.DropTable(
                name: "Gifts");

            migrationBuilder.DropTable(
                name: "PrivacyRequests");

            migrationBuilder.DropTable(
                name: "ActionTypes");

            migrationBuilder.DropTable(
                name: "GivingEvents");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "AdmissionApplications");

            migrationBuilder.DropTable(
                name: "Segments");

            migrationBuilder.DropTable(
                name: "Tags");

            migrationBuilder.DropTable(
                name: "Opportunities");

            migrationBuilder.DropTable(
                name: "Pledges");

            migrationBuilder.DropTable(
                name: "RecurringGifts");

            migrationBuilder.DropTable(
                name: "EventSeries");

            migrationBuilder.DropTable(
                name: "CaseOutcomes");

            migrationBuilder.DropTable(
                name: "Programmes");

            migrationBuilder.DropTable(
                name: "TuitionInvoices");

            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "Funds");

            migrationBuilder.DropTable(
                name: "CaseTypes");

            migrationBuilder.DropTable(
                name: "Constituents");

            migrationBuilder.DropTable(
                name: "Terms");
        }
    }
}
