using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CoRM.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PrivacyOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ErasedAt",
                table: "Constituents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "NoteRetentionDays",
                table: "CaseTypes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConstituentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Given = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    How = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Wording = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedById = table.Column<int>(type: "INTEGER", nullable: true)
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
                name: "PrivacyRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandlerId = table.Column<int>(type: "INTEGER", nullable: true),
                    ErasureRequestedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ErasureRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "RetentionRules",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChangedById = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Removed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubjectAccessExports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadyAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    DownloadedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DownloadedById = table.Column<int>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
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
                name: "IX_ConsentRecords_ConstituentId_At",
                table: "ConsentRecords",
                columns: new[] { "ConstituentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_RecordedById",
                table: "ConsentRecords",
                column: "RecordedById");

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
                name: "IX_RetentionRules_ChangedById",
                table: "RetentionRules",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_StartedAt",
                table: "RetentionRuns",
                column: "StartedAt");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentRecords");

            migrationBuilder.DropTable(
                name: "RetentionRules");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropTable(
                name: "SubjectAccessExports");

            migrationBuilder.DropTable(
                name: "PrivacyRequests");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "Constituents");

            migrationBuilder.DropColumn(
                name: "NoteRetentionDays",
                table: "CaseTypes");
        }
    }
}
