using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FamiliesAndAdmissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdmissionApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicantId = table.Column<int>(type: "int", nullable: false),
                    ProgrammeId = table.Column<int>(type: "int", nullable: false),
                    TermId = table.Column<int>(type: "int", nullable: false),
                    Source = table.Column<int>(type: "int", nullable: false),
                    Stage = table.Column<int>(type: "int", nullable: false),
                    StartedById = table.Column<int>(type: "int", nullable: true),
                    GuardianId = table.Column<int>(type: "int", nullable: true),
                    GuardianName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    GuardianEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    CounsellorId = table.Column<int>(type: "int", nullable: true),
                    TranscriptReceived = table.Column<bool>(type: "bit", nullable: false),
                    StatementReceived = table.Column<bool>(type: "bit", nullable: false),
                    RecommendationReceived = table.Column<bool>(type: "bit", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Decision = table.Column<int>(type: "int", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecidedById = table.Column<int>(type: "int", nullable: true),
                    DepositInvoiceId = table.Column<int>(type: "int", nullable: true),
                    DepositAmount = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: true),
                    DepositDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DepositPaidAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EnrolledAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    IncompleteReminderAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DepositReminderAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                name: "FamilyRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ChildId = table.Column<int>(type: "int", nullable: false),
                    ParentId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    AnsweredById = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                name: "ParentInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ParentId = table.Column<int>(type: "int", nullable: false),
                    SentToEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    CodeHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedById = table.Column<int>(type: "int", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RedeemedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RedeemedByPortalUserId = table.Column<int>(type: "int", nullable: true),
                    WithdrawnAt = table.Column<DateTime>(type: "datetime2", nullable: true)
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
                name: "ApplicationReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ApplicationId = table.Column<int>(type: "int", nullable: false),
                    ReaderId = table.Column<int>(type: "int", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Recommendation = table.Column<int>(type: "int", nullable: false),
                    Comments = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    WeightedScore = table.Column<decimal>(type: "decimal(4,2)", precision: 4, scale: 2, nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProspectId = table.Column<int>(type: "int", nullable: false),
                    ProgrammeId = table.Column<int>(type: "int", nullable: true),
                    TermId = table.Column<int>(type: "int", nullable: true),
                    Source = table.Column<int>(type: "int", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ApplicationId = table.Column<int>(type: "int", nullable: true)
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
                name: "ReviewScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReviewId = table.Column<int>(type: "int", nullable: false),
                    Criterion = table.Column<int>(type: "int", nullable: false),
                    Score = table.Column<int>(type: "int", nullable: false),
                    Weight = table.Column<decimal>(type: "decimal(4,2)", precision: 4, scale: 2, nullable: false)
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
                name: "IX_ApplicationReviews_ApplicationId_ReaderId",
                table: "ApplicationReviews",
                columns: new[] { "ApplicationId", "ReaderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationReviews_ReaderId",
                table: "ApplicationReviews",
                column: "ReaderId");

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
                name: "IX_ReviewScores_ReviewId_Criterion",
                table: "ReviewScores",
                columns: new[] { "ReviewId", "Criterion" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FamilyRequests");

            migrationBuilder.DropTable(
                name: "InformationRequests");

            migrationBuilder.DropTable(
                name: "ParentInvitations");

            migrationBuilder.DropTable(
                name: "ReviewScores");

            migrationBuilder.DropTable(
                name: "ApplicationReviews");

            migrationBuilder.DropTable(
                name: "AdmissionApplications");
        }
    }
}
