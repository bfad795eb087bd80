"""The engagement-stance classifier: corpus reading, features, training and prediction."""
