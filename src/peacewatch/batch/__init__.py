"""Ray Data jobs over archives: documents to partitioned Parquet candidates, then resolution.

``inputs`` reads files, folders and DOCS Parquet into a Dataset of documents with the same
readers as ``ingest``; ``extraction`` is the actor that loads the models once per worker;
``parquet`` writes and reads the candidate set (partitioned by country and month) and its
documents; ``resolution`` loads that set into a store and resolves it partition by partition.
Ray is imported only by the modules that run on it, so the store side needs no cluster.
"""
