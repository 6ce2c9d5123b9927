#include <catch2/catch.hpp>

#include "render.h"

using pltest::run;
using V = std::vector<std::string>;

TEST_CASE("spark.table and read.table are table reads at the literal", "[python][reads]") {
  auto r = run(
      "df = spark.table(\"prod_de.silver_billing.readings\")\n"
      "df2 = spark.read.table('prod_de.silver_billing.tariffs')\n"
      "df3 = spark.readStream.table(\"prod_de.bronze_meter.events\")\n");
  CHECK(r == V{"1:18 read prod_de.silver_billing.readings - table",
               "2:24 read prod_de.silver_billing.tariffs - table",
               "3:30 read prod_de.bronze_meter.events - table"});
}

TEST_CASE("any receiver whose chain is a Spark reader counts", "[python][reads]") {
  auto r = run(
      "class Job:\n"
      "    def run(self):\n"
      "        a = self.spark.read.format(\"delta\").table(\"prod_fr.silver_grid.assets\")\n"
      "        b = session.table(\"prod_fr.silver_grid.lines\")\n");
  CHECK(r == V{"3:51 read prod_fr.silver_grid.assets - table", "4:27 read prod_fr.silver_grid.lines - table"});
}

TEST_CASE("table() on something that is not a Spark session is not a read", "[python][reads]") {
  CHECK(run("import pyarrow as pa\nt = pa.table({'a': [1]})\nx = catalog.table(\"prod.a.b\")\n").empty());
  CHECK(run("exists = spark.catalog.tableExists(\"prod_de.silver_billing.readings\")\n").empty());
}

TEST_CASE("path reads: load, parquet, csv, json, orc, delta", "[python][reads]") {
  auto r = run(
      "a = spark.read.format(\"delta\").load(\"/mnt/de/silver/readings\")\n"
      "b = spark.read.parquet(\"/mnt/de/bronze/raw\")\n"
      "c = spark.read.option(\"header\", True).csv(\"/landing/x.csv\")\n"
      "d = spark.read.json(\"/landing/a.json\", \"/landing/b.json\")\n"
      "e = spark.read.orc(\"/mnt/x\")\n"
      "f = spark.read.load(\"/mnt/y\")\n"
      "g = spark.read.format('delta').option('path', '/mnt/z').load()\n");
  CHECK(r == V{"1:37 read path /mnt/de/silver/readings - load", "2:24 read path /mnt/de/bronze/raw - parquet",
               "3:43 read path /landing/x.csv - csv", "4:21 read path /landing/a.json - json",
               "4:40 read path /landing/b.json - json", "5:20 read path /mnt/x - orc", "6:21 read path /mnt/y - load",
               "7:47 read path /mnt/z - load"});
}

TEST_CASE("pandas and open() I/O are not Spark accesses", "[python][reads]") {
  CHECK(run("import pandas as pd\n"
            "p = pd.read_csv(\"/landing/x.csv\")\n"
            "q = pd.read_parquet(\"/mnt/de/silver/readings\")\n"
            "p.to_parquet(\"/tmp/out.parquet\")\n"
            "with open(\"/dbfs/tmp/spark.txt\") as fh:\n"
            "    fh.read()\n")
            .empty());
}

TEST_CASE("kafka sources and sinks are not tables", "[python][reads]") {
  CHECK(run("s = (spark.readStream.format(\"kafka\")\n"
            "     .option(\"subscribe\", \"meter-events\").load())\n"
            "s.writeStream.format(\"kafka\").option(\"topic\", \"out\")"
            ".option(\"checkpointLocation\", \"/chk/x\").start()\n")
            .empty());
}

TEST_CASE("DeltaTable.forName / forPath reads", "[python][reads]") {
  auto r = run(
      "from delta.tables import DeltaTable\n"
      "df = DeltaTable.forName(spark, \"prod_nl.silver_meter.readings\").toDF()\n"
      "dp = DeltaTable.forPath(spark, \"/mnt/nl/silver/readings\").toDF()\n");
  CHECK(r == V{"2:32 read prod_nl.silver_meter.readings - forName", "3:32 read path /mnt/nl/silver/readings - forPath"});
}

TEST_CASE("DeltaTable maintenance calls are not accesses", "[python][reads]") {
  CHECK(run("DeltaTable.forName(spark, \"prod_nl.silver_meter.readings\").optimize().executeCompaction()\n"
            "DeltaTable.forName(spark, \"prod_nl.silver_meter.readings\").vacuum(168)\n"
            "h = DeltaTable.forPath(spark, \"/mnt/x\").history()\n"
            "t = DeltaTable.forName(spark, \"prod_nl.silver_meter.a\")\n"
            "t.optimize().executeZOrderBy(\"meter_id\")\n"
            "t.detail()\n")
            .empty());
}

TEST_CASE("dlt.read and dlt.read_stream", "[python][reads]") {
  auto r = run(
      "import dlt\n"
      "@dlt.table(name=\"silver_readings\")\n"
      "def silver():\n"
      "    return dlt.read_stream(\"bronze_readings\").join(dlt.read(\"meters\"), \"id\")\n");
  CHECK(r == V{"2:17 write silver_readings - dlt.table", "4:28 read bronze_readings - dlt.read_stream",
               "4:61 read meters - dlt.read"});
}

TEST_CASE("jdbc reads take the table argument", "[python][reads]") {
  auto r = run(
      "a = spark.read.jdbc(url, \"billing.invoices\", properties=props)\n"
      "b = spark.read.jdbc(url=url, table=\"crm.customers\")\n");
  CHECK(r == V{"1:26 read billing.invoices - jdbc", "2:36 read crm.customers - jdbc"});
}

TEST_CASE("Glue catalog reads and writes", "[python][reads]") {
  auto r = run(
      "dyf = glueContext.create_dynamic_frame.from_catalog(database=\"lu_raw\", table_name=\"meters\")\n"
      "glueContext.write_dynamic_frame.from_catalog(frame=dyf, database=\"lu_silver\", table_name=\"meters\")\n");
  CHECK(r == V{"1:83 read lu_raw.meters - create_dynamic_frame.from_catalog",
               "2:90 write lu_silver.meters append write_dynamic_frame.from_catalog"});
}

TEST_CASE("names in comments and docstrings are not accesses", "[python][reads]") {
  CHECK(run("\"\"\"Reads spark.table(\"prod.a.b\") and writes saveAsTable(\"prod.c.d\").\"\"\"\n"
            "# df = spark.table(\"prod_de.silver_billing.readings\")\n"
            "def f():\n"
            "    '''df.write.saveAsTable(\"x.y.z\")'''\n"
            "    return 1\n")
            .empty());
}
