using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DatedCourseworkAndSavedModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgrammeEnrolments_StudentId_TermId",
                table: "ProgrammeEnrolments");

            migrationBuilder.AddColumn<string>(
                name: "Calibration",
                table: "RiskModelRuns",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CalibrationSource",
                table: "RiskModelRuns",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EarlyWarning",
                table: "RiskModelRuns",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EarlyWarningSource",
                table: "RiskModelRuns",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FinishedExcluded",
                table: "RiskModelRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RecordedOn",
                table: "CourseResults",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssessmentResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StudentId = table.Column<int>(type: "integer", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Weight = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentResults_Constituents_StudentId",
                        column: x => x.StudentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentResults_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentResults_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskModelFiles",
                columns: table => new
                {
                    RunId = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    FeatureSet = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Means = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskModelFiles", x => x.RunId);
                    table.ForeignKey(
                        name: "FK_RiskModelFiles_RiskModelRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "RiskModelRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeEnrolments_StudentId_TermId_ProgrammeId",
                table: "ProgrammeEnrolments",
                columns: new[] { "StudentId", "TermId", "ProgrammeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_CourseId",
                table: "AssessmentResults",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_StudentId_TermId_CourseId_Code",
                table: "AssessmentResults",
                columns: new[] { "StudentId", "TermId", "CourseId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentResults_TermId_DueOn",
                table: "AssessmentResults",
                columns: new[] { "TermId", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentResults");

            migrationBuilder.DropTable(
                name: "RiskModelFiles");

            migrationBuilder.DropIndex(
                name: "IX_ProgrammeEnrolments_StudentId_TermId_ProgrammeId",
                table: "ProgrammeEnrolments");

            migrationBuilder.DropColumn(
                name: "Calibration",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "CalibrationSource",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "EarlyWarning",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "EarlyWarningSource",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "FinishedExcluded",
                table: "RiskModelRuns");

            migrationBuilder.DropColumn(
                name: "RecordedOn",
                table: "CourseResults");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeEnrolments_StudentId_TermId",
                table: "ProgrammeEnrolments",
                columns: new[] { "StudentId", "TermId" },
                unique: true);
        }
    }
}
